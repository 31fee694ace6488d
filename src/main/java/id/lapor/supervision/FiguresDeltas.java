package id.lapor.supervision;

import org.springframework.data.jpa.repository.JpaRepository;

/** What complaints' changes added to the rollup, until {@link FiguresRollup} sums them. */
interface FiguresDeltas extends JpaRepository<FiguresDelta, Long> {}
