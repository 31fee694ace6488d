package id.lapor.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where the reported problem is: the regency/city by region code, a district, a map point. */
@Embeddable
public record Location(
    @Column(name = "region_code", nullable = false, length = 40) String regionCode,
    @Column(name = "district", length = 100) String district,
    @Column(name = "latitude") Double latitude,
    @Column(name = "longitude") Double longitude) {}
