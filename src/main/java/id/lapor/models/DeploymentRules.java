package id.lapor.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a deployment that did not come from the application's own start-up deployer may contain: the
 * models of this application (the complaint process, its decision tables and forms), executing only
 * the application's own delegates and listeners and expressions that read variables, and keeping the
 * SOP conformance rules ({@link ComplaintProcessRules}). Every problem names its rule, the file and
 * the element, in words a process designer reads in Camunda Modeler's deployment error.
 *
 * <p>Long because it is one rule set read in one pass over each file: every element is checked against
 * every rule where it is met, so a problem names its rule, file and element; the rules themselves
 * are the tables at the top.
 */
public final class DeploymentRules {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String DMN_CAMUNDA = "http://camunda.org/schema/1.0/dmn";

  /**
   * The processes this application runs: the complaint process and its plug-ins (a regency's own
   * FirstResponse or FollowUpReview); a deployment may hold no other executable process.
   */
  public static final Set<String> PROCESSES = Set.of("ComplaintHandling", "FirstResponse", "FollowUpReview");
  /** The one complaint process every region runs, deployed shared only. */
  public static final String NATIONAL_MODEL = "ComplaintHandling";
  /** The processes a region may replace for its tenant. */
  public static final Set<String> PLUG_INS = Set.of("FirstResponse", "FollowUpReview");
  /** The decision tables the application evaluates. */
  public static final Set<String> DECISIONS = Set.of("SopDeadlines", "Routing");

  private static final Set<String> BPMN_ELEMENTS = Set.of("definitions", "process", "collaboration", "participant",
      "laneSet", "lane", "flowNodeRef", "childLaneSet", "startEvent", "endEvent", "intermediateCatchEvent",
      "boundaryEvent", "userTask", "serviceTask", "businessRuleTask", "callActivity", "subProcess", "task",
      "manualTask", "exclusiveGateway", "parallelGateway", "eventBasedGateway", "inclusiveGateway", "sequenceFlow",
      "conditionExpression", "timerEventDefinition", "timeDate", "timeDuration", "timeCycle",
      "messageEventDefinition", "errorEventDefinition", "terminateEventDefinition", "escalationEventDefinition",
      "message", "error", "escalation", "incoming",
      "outgoing", "documentation", "extensionElements", "textAnnotation", "association", "text", "group",
      "category", "categoryValue", "dataObject", "dataObjectReference", "dataStoreReference", "dataInputAssociation",
      "dataOutputAssociation", "sourceRef", "targetRef", "ioSpecification", "messageFlow");
  private static final Set<String> CAMUNDA_ELEMENTS = Set.of("taskListener", "executionListener", "inputOutput",
      "inputParameter", "outputParameter", "list", "map", "entry", "value", "properties", "property", "in", "out",
      "field", "string", "expression", "failedJobRetryTimeCycle", "errorEventDefinition");
  /** Camunda attributes that run code of the deployer's choosing. */
  private static final Set<String> CODE_ATTRIBUTES = Set.of("class", "expression", "type", "topic", "formKey",
      "variableMappingClass", "variableMappingDelegateExpression", "resource", "scriptFormat", "caseRef",
      "formHandlerClass");
  private static final Pattern DELEGATE = Pattern.compile("^\\$\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}$");
  private static final Pattern FEEL_FUNCTION = Pattern.compile("\\bfunction\\s*\\(");
  private static final Set<String> FORM_COMPONENTS = Set.of("default", "textfield", "textarea", "number",
      "checkbox", "checklist", "radio", "select", "taglist", "datetime", "text", "button", "group", "dynamiclist",
      "separator", "spacer", "table", "image", "expression", "filepicker", "documentPreview");

  private final Set<String> modelBeans;
  private final ExpressionRules expressions;
  private final Predicate<String> formDeployed;

  /**
   * @param modelBeans the delegates and listeners models may name in {@code camunda:delegateExpression}
   * @param isComponent whether a name is any bean of the application
   * @param formDeployed whether a Camunda Form with this id is deployed already
   */
  public DeploymentRules(Set<String> modelBeans, Predicate<String> isComponent, Predicate<String> formDeployed) {
    this.modelBeans = Set.copyOf(modelBeans);
    this.expressions = new ExpressionRules(isComponent);
    this.formDeployed = formDeployed;
  }

  /** Every problem of a shared deployment's resources (file name → content); empty when it may be deployed. */
  public List<Problem> check(Map<String, byte[]> resources) {
    return check(resources, null);
  }

  /**
   * Every problem of a deployment's resources for {@code tenantId} (a region code, or null for the
   * shared models); empty when it may be deployed.
   */
  public List<Problem> check(Map<String, byte[]> resources, String tenantId) {
    List<Problem> problems = new ArrayList<>();
    Set<String> forms = new HashSet<>();
    resources.forEach((name, bytes) -> {
      if (name.endsWith(".form")) {
        form(name, bytes, problems).ifPresent(forms::add);
      }
    });
    resources.forEach((name, bytes) -> {
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        bpmn(name, bytes, tenantId, forms, problems);
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        dmn(name, bytes, problems);
      } else if (!name.endsWith(".form")) {
        problems.add(new Problem(Rule.ONLY_MODELS, name, null, "is not a BPMN, DMN or Camunda Forms file"));
      }
    });
    return problems;
  }

  private void bpmn(String resource, byte[] bytes, String tenantId, Set<String> formsHere, List<Problem> problems) {
    Document document = parse(resource, bytes, problems);
    if (document == null) {
      return;
    }
    walk(resource, document.getDocumentElement(), problems);
    for (Element process : children(document.getDocumentElement(), BPMN, "process")) {
      String id = process.getAttribute("id");
      if (!"false".equals(process.getAttribute("isExecutable")) && !PROCESSES.contains(id)) {
        problems.add(new Problem(Rule.KNOWN_PROCESSES, resource, id, "is not a process of this application; "
            + "only " + PROCESSES + " may be deployed"));
      }
      if (tenantId != null && NATIONAL_MODEL.equals(id)) {
        problems.add(new Problem(Rule.ONE_NATIONAL_MODEL, resource, id, "is the national complaint process, "
            + "which every region shares; a region's own steps are plug-ins (" + String.join(", ", new java.util.TreeSet<>(PLUG_INS))
            + ") deployed for its tenant " + tenantId + ", its own durations rows of SopDeadlines"));
      }
      for (Element start : children(process, BPMN, "startEvent")) {
        Node definition = firstElementChild(start, name -> name.endsWith("EventDefinition"));
        if (definition != null) {
          problems.add(new Problem(Rule.STARTS_WITH_A_COMPLAINT, resource, start.getAttribute("id"),
              "starts the process by a " + definition.getLocalName().replace("EventDefinition", "")
                  + " event, which would run as the system; a complaint process starts only when a complaint is "
                  + "submitted (a none start event)"));
        }
      }
    }
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      problems.add(new Problem(Rule.ONLY_MODELS, resource, null, "is not a valid BPMN 2.0 file: " + e.getMessage()));
      return;
    }
    Set<String> forms = new HashSet<>(formsHere);
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String ref = task.getCamundaFormRef();
      if (ref != null && formDeployed.test(ref)) {
        forms.add(ref);
      }
    }
    for (ComplaintProcessRules.Violation v : ComplaintProcessRules.check(model, forms)) {
      problems.add(new Problem(Rule.SOP_CONFORMANCE, resource, v.elementId(), "breaks the SOP rule \""
          + v.rule().sentence() + "\": " + v.detail()));
    }
  }

  /** Elements, attributes and texts of a BPMN file, recursively. */
  private void walk(String resource, Element element, List<Problem> problems) {
    String ns = element.getNamespaceURI();
    String name = element.getLocalName();
    String where = elementId(element);
    if (BPMN.equals(ns) && !BPMN_ELEMENTS.contains(name)) {
      problems.add(new Problem(name.equals("scriptTask") ? Rule.NO_CODE : Rule.KNOWN_ELEMENTS, resource, where,
          "is a " + name + ", which complaint processes do not use"
              + (name.equals("scriptTask") ? " (scripts run as the system)" : "")));
      return;
    }
    if (CAMUNDA.equals(ns) && !CAMUNDA_ELEMENTS.contains(name)) {
      problems.add(new Problem(Rule.NO_CODE, resource, where, "uses camunda:" + name
          + ", which runs code; models run only the application's delegates and listeners"));
      return;
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      attribute(resource, where, (Attr) attributes.item(i), CAMUNDA.equals(ns), problems);
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        walk(resource, e, problems);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        String text = child.getNodeValue();
        if (ExpressionRules.hasExpression(text) && !"documentation".equals(name) && !"text".equals(name)) {
          expressions.problem(text.strip()).ifPresent(p -> problems.add(
              new Problem(Rule.SAFE_EXPRESSIONS, resource, where, "has the expression " + text.strip() + ", which " + p)));
        }
      }
    }
  }

  /** An attribute; those of camunda's own elements (a listener's {@code class}) count as camunda's. */
  private void attribute(String resource, String where, Attr attribute, boolean onCamundaElement,
      List<Problem> problems) {
    String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    String value = attribute.getValue();
    if (CAMUNDA.equals(attribute.getNamespaceURI()) || (onCamundaElement && attribute.getNamespaceURI() == null)) {
      if (CODE_ATTRIBUTES.contains(local)) {
        problems.add(new Problem(Rule.NO_CODE, resource, where, "sets camunda:" + local + "=\"" + value
            + "\", which runs code of the model's choosing; name one of the application's delegates in "
            + "camunda:delegateExpression instead"));
        return;
      }
      if (local.equals("delegateExpression")) {
        var m = DELEGATE.matcher(value.strip());
        if (!m.matches() || !modelBeans.contains(m.group(1))) {
          problems.add(new Problem(Rule.NO_CODE, resource, where, "delegates to " + value + ", which is not one of "
              + "the application's delegates or listeners " + new java.util.TreeSet<>(modelBeans)));
        }
        return;
      }
      if (local.equals("decisionRef") && !DECISIONS.contains(value)) {
        problems.add(new Problem(Rule.KNOWN_PROCESSES, resource, where, "evaluates the decision " + value
            + ", which is not one of " + DECISIONS));
        return;
      }
    }
    if (BPMN.equals(attribute.getNamespaceURI()) || attribute.getNamespaceURI() == null) {
      if (local.equals("calledElement") && !PROCESSES.contains(value)) {
        problems.add(new Problem(Rule.KNOWN_PROCESSES, resource, where, "calls the process " + value
            + ", which is not one of " + PROCESSES));
        return;
      }
    }
    if (ExpressionRules.hasExpression(value)) {
      expressions.problem(value).ifPresent(p -> problems.add(new Problem(Rule.SAFE_EXPRESSIONS, resource, where,
          "has the expression " + value + " (" + local + "), which " + p)));
    }
  }

  private void dmn(String resource, byte[] bytes, List<Problem> problems) {
    Document document = parse(resource, bytes, problems);
    if (document == null) {
      return;
    }
    dmnElement(resource, document.getDocumentElement(), problems);
  }

  private void dmnElement(String resource, Element element, List<Problem> problems) {
    String where = elementId(element);
    if ("decision".equals(element.getLocalName()) && !DECISIONS.contains(element.getAttribute("id"))) {
      problems.add(new Problem(Rule.KNOWN_PROCESSES, resource, element.getAttribute("id"), "is not a decision "
          + "of this application; only " + DECISIONS + " may be deployed"));
    }
    String language = element.getAttribute("expressionLanguage");
    if (!language.isEmpty() && !language.toLowerCase().contains("feel")) {
      problems.add(new Problem(Rule.FEEL_ONLY, resource, where, "is written in " + language
          + "; decision tables use FEEL only"));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      if (DMN_CAMUNDA.equals(a.getNamespaceURI()) && !"inputVariable".equals(a.getLocalName())
          && !"versionTag".equals(a.getLocalName()) && !"historyTimeToLive".equals(a.getLocalName())) {
        problems.add(new Problem(Rule.FEEL_ONLY, resource, where, "sets camunda:" + a.getLocalName()
            + ", which decision tables of this application do not use"));
      }
    }
    if ("text".equals(element.getLocalName()) && FEEL_FUNCTION.matcher(element.getTextContent()).find()) {
      problems.add(new Problem(Rule.FEEL_ONLY, resource, where, "defines a function (" + element.getTextContent().strip()
          + "); decision tables compare and return values only"));
    }
    for (Element child : children(element, null, null)) {
      dmnElement(resource, child, problems);
    }
  }

  /** The form's id, when it is a Camunda Form made of known components. */
  private static java.util.Optional<String> form(String resource, byte[] bytes, List<Problem> problems) {
    try {
      JsonNode form = new ObjectMapper().readTree(bytes);
      if (form == null || !form.path("id").isTextual() || !form.path("components").isArray()) {
        problems.add(new Problem(Rule.ONLY_MODELS, resource, null, "is not a Camunda Form (id and components)"));
        return java.util.Optional.empty();
      }
      List<String> unknown = new ArrayList<>();
      form.findValues("type").forEach(t -> {
        if (t.isTextual() && !FORM_COMPONENTS.contains(t.asText())) {
          unknown.add(t.asText());
        }
      });
      if (!unknown.isEmpty()) {
        problems.add(new Problem(Rule.KNOWN_ELEMENTS, resource, form.path("id").asText(), "uses the form components "
            + unknown + ", which the staff forms do not use"));
      }
      return java.util.Optional.of(form.path("id").asText());
    } catch (IOException e) {
      problems.add(new Problem(Rule.ONLY_MODELS, resource, null, "is not valid JSON"));
      return java.util.Optional.empty();
    }
  }

  private static Document parse(String resource, byte[] bytes, List<Problem> problems) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      problems.add(new Problem(Rule.ONLY_MODELS, resource, null, "is not well-formed XML: " + e.getMessage()));
      return null;
    }
  }

  private static String elementId(Element element) {
    for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
      if (!e.getAttribute("id").isEmpty()) {
        return e.getAttribute("id");
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String ns, String localName) {
    List<Element> result = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && (ns == null || ns.equals(e.getNamespaceURI()))
          && (localName == null || localName.equals(e.getLocalName()))) {
        result.add(e);
      }
    }
    return result;
  }

  private static Node firstElementChild(Element parent, Predicate<String> localName) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && localName.test(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  /** The rules, in the words a designer reads. */
  public enum Rule {
    ONLY_MODELS("a deployment holds BPMN, DMN and Camunda Forms files only"),
    KNOWN_PROCESSES("only the application's processes and decision tables are deployed"),
    KNOWN_ELEMENTS("models use the elements the complaint process knows"),
    NO_CODE("a model runs only the application's delegates and listeners"),
    SAFE_EXPRESSIONS("expressions only read and compare process variables"),
    STARTS_WITH_A_COMPLAINT("a complaint process starts only with a complaint"),
    ONE_NATIONAL_MODEL("one national complaint process; regions vary it by plug-ins and SOP rows"),
    FEEL_ONLY("decision tables are written in FEEL without functions"),
    SOP_CONFORMANCE("the SOP conformance rules");

    private final String sentence;

    Rule(String sentence) {
      this.sentence = sentence;
    }

    public String sentence() {
      return sentence;
    }
  }

  /** One refused thing: its rule, file, element (when there is one) and what is wrong. */
  public record Problem(Rule rule, String resource, String elementId, String detail) {
    /** The sentence a designer reads. */
    public String message() {
      return "[" + rule.name() + "] " + resource + (elementId == null ? "" : ", " + elementId) + ": "
          + (elementId == null ? "the file " : "the element ") + detail + " (rule: " + rule.sentence() + ")";
    }
  }
}
