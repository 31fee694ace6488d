package id.lapor.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON types are what the API documents: a number where a text is expected ({@code "title": 123}), a
 * fraction where a whole number is ({@code "rating": 1.5}), a text where a number is
 * ({@code "latitude": "NaN"}) or trailing content after the document are refused with the field named,
 * instead of being quietly converted.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonTypes() {
    return builder -> builder
        .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .postConfigurer(mapper -> {
          mapper.coercionConfigFor(LogicalType.Textual)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
          for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(number)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
          }
          mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Boolean)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        });
  }
}
