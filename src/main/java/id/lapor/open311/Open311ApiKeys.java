package id.lapor.open311;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Open311ApiKeys extends JpaRepository<Open311ApiKey, Long> {

  Optional<Open311ApiKey> findByKeyHash(String keyHash);

  List<Open311ApiKey> findAllByOrderById();
}
