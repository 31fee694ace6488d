package id.lapor.intake;

/** What the portal's submission form posts; kept as typed so a refused form can be shown again. */
public class PortalSubmission {

  private String classification = "PENGADUAN";
  private String title;
  private String description;
  private String category;
  private String regionCode;
  private String district;
  private String latitude;
  private String longitude;
  private String incidentDate;
  private String privacy = "PUBLIC";
  private String name;
  private String email;
  private String phone;
  private String targetInstitution;

  SubmitComplaintRequest toRequest(Double lat, Double lon, String language) {
    boolean anyContact = notBlank(name) || notBlank(email) || notBlank(phone);
    return new SubmitComplaintRequest(classification, title, description, category, regionCode, privacy,
        incidentDate, new SubmitComplaintRequest.LocationPart(district, lat, lon),
        anyContact ? new SubmitComplaintRequest.ComplainantPart(name, email, phone) : null, targetInstitution,
        language);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  public String getTargetInstitution() { return targetInstitution; }
  public void setTargetInstitution(String v) { targetInstitution = v; }
  public String getClassification() { return classification; }
  public void setClassification(String v) { classification = v; }
  public String getTitle() { return title; }
  public void setTitle(String v) { title = v; }
  public String getDescription() { return description; }
  public void setDescription(String v) { description = v; }
  public String getCategory() { return category; }
  public void setCategory(String v) { category = v; }
  public String getRegionCode() { return regionCode; }
  public void setRegionCode(String v) { regionCode = v; }
  public String getDistrict() { return district; }
  public void setDistrict(String v) { district = v; }
  public String getLatitude() { return latitude; }
  public void setLatitude(String v) { latitude = v; }
  public String getLongitude() { return longitude; }
  public void setLongitude(String v) { longitude = v; }
  public String getIncidentDate() { return incidentDate; }
  public void setIncidentDate(String v) { incidentDate = v; }
  public String getPrivacy() { return privacy; }
  public void setPrivacy(String v) { privacy = v; }
  public String getName() { return name; }
  public void setName(String v) { name = v; }
  public String getEmail() { return email; }
  public void setEmail(String v) { email = v; }
  public String getPhone() { return phone; }
  public void setPhone(String v) { phone = v; }
}
