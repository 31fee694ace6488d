package id.lapor.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Camunda REST answers a request for another regency's task or instance ("belongs to no
 * authenticated tenant") with {@code 500}; here it is {@code 404}, as if it did not exist, so that
 * neither an error nor the existence of another regency's complaint leaks. Every other engine
 * error keeps Camunda's own answer.
 */
@Component
class TenantBoundaryAsNotFound implements ResourceConfigCustomizer {

  static final String TENANT_REFUSAL = "belongs to no authenticated tenant";

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(Mapper.class);
  }

  @Priority(1)
  public static class Mapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      if (exception.getMessage() != null && exception.getMessage().contains(TENANT_REFUSAL)) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "NotFound", "message", "Not found")).build();
      }
      return camunda.toResponse(exception);
    }
  }
}
