package id.lapor.institutions;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Staff accounts' last logins. */
interface StaffLoginTimes extends JpaRepository<StaffLogin, String> {

  List<StaffLogin> findByUserIdIn(Collection<String> userIds);
}
