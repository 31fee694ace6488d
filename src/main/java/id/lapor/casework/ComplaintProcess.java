package id.lapor.casework;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.ReplyDecision;
import id.lapor.deadlines.ComplaintDeadlines;
import id.lapor.institutions.InstitutionGroups;
import id.lapor.institutions.InstitutionKind;
import id.lapor.institutions.Institutions;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint's process instance, seen from the rest of the application: started with the
 * complaint (same transaction, so neither exists without the other) and told about the
 * complainant's supplements and replies. The business key is the tracking number.
 */
@Service
public class ComplaintProcess {

  public static final String PROCESS_KEY = "ComplaintHandling";
  /**
   * The plug-ins a complaint calls, each a process with a shared default that a regency or city may
   * replace with its own, deployed for its tenant (contract: docs/process-design.md).
   */
  public static final String FIRST_RESPONSE = "FirstResponse";
  public static final String FOLLOW_UP_REVIEW = "FollowUpReview";
  public static final String MESSAGE_SUPPLEMENT_RECEIVED = "SupplementReceived";
  public static final String MESSAGE_REPLY_RECEIVED = "ReplyReceived";

  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final Institutions institutions;
  private final ComplaintDeadlines deadlines;

  ComplaintProcess(RuntimeService runtimeService, RepositoryService repositoryService, Institutions institutions,
      ComplaintDeadlines deadlines) {
    this.deadlines = deadlines;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.institutions = institutions;
  }

  /** Starts handling a complaint just stored; must run in the transaction that stored it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public ProcessInstance start(Complaint complaint, Instant verificationDue) {
    String region = complaint.getAddressedRegionCode();
    String province = institutions.findById(region).map(r -> r.getParentCode()).orElse(null);
    // one national model for every regency and city: what differs is the SOP table's rows and the
    // plug-ins a region deployed for its tenant (the instance itself lives in the region's tenant)
    return runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .processDefinitionWithoutTenantId()
        .businessKey(complaint.getTrackingNumber())
        .setVariables(pluginTenants(region)
            .putValue(ProcessVariables.TRACKING_NUMBER, complaint.getTrackingNumber())
            .putValue(ProcessVariables.CLASSIFICATION, complaint.getClassification().name())
            .putValue(ProcessVariables.REGION_CODE, region)
            .putValue(ProcessVariables.PROVINCE_CODE, province)
            .putValue(ProcessVariables.VERIFIER_GROUPS, verifiers(complaint, province))
            .putValue(ProcessVariables.VERIFICATION_DUE, Date.from(verificationDue)))
        .execute();
  }

  /**
   * Which tenant's plug-ins a complaint of {@code region} calls: the region's own where it deployed
   * one, else the shared default (null).
   */
  VariableMap pluginTenants(String region) {
    // one query for both plug-ins (every submit asks)
    Set<String> own = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKeysIn(FIRST_RESPONSE, FOLLOW_UP_REVIEW).tenantIdIn(region).list().stream()
        .map(ProcessDefinition::getKey).collect(Collectors.toSet());
    return Variables.createVariables()
        .putValue(ProcessVariables.FIRST_RESPONSE_TENANT, own.contains(FIRST_RESPONSE) ? region : null)
        .putValue(ProcessVariables.FOLLOW_UP_REVIEW_TENANT, own.contains(FOLLOW_UP_REVIEW) ? region : null);
  }

  /**
   * The regency's (or national body's) admins; once the complaint has bounced between institutions
   * more often than the SOP allows, the province's supervisors decide (the national admins when
   * there is no province above it), seeing the whole bounce history in the form.
   */
  String verifiers(Complaint complaint, String province) {
    String region = complaint.getAddressedRegionCode();
    // a complaint never transferred is within any limit: no need to read the table (every submit)
    if (complaint.getTransferCount() == 0
        || complaint.getTransferCount() <= deadlines.maxTransfers(region, complaint.getClassification())) {
      return InstitutionGroups.regencyAdmins(region);
    }
    boolean hasProvince = province != null && institutions.findById(province)
        .filter(p -> p.getKind() == InstitutionKind.PROVINCE).isPresent();
    return hasProvince ? InstitutionGroups.provinceSupervisors(province) : InstitutionGroups.NATIONAL_ADMINS;
  }

  /** The complainant supplied what was asked; verification resumes with a new due date. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void supplementReceived(Complaint complaint, Instant verificationDue) {
    runtimeService.createMessageCorrelation(MESSAGE_SUPPLEMENT_RECEIVED)
        .processInstanceBusinessKey(complaint.getTrackingNumber())
        .setVariable(ProcessVariables.VERIFICATION_DUE, Date.from(verificationDue))
        .correlateWithResult();
  }

  /** The complainant accepted or disputed the follow-up. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void replyReceived(Complaint complaint, ReplyDecision decision) {
    runtimeService.createMessageCorrelation(MESSAGE_REPLY_RECEIVED)
        .processInstanceBusinessKey(complaint.getTrackingNumber())
        .setVariable(ProcessVariables.REPLY_DECISION, decision.name())
        .correlateWithResult();
  }
}
