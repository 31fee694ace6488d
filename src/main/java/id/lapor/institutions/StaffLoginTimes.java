package id.lapor.institutions;

import org.springframework.data.jpa.repository.JpaRepository;

/** Staff accounts' last logins. */
interface StaffLoginTimes extends JpaRepository<StaffLogin, String> {}
