package id.lapor.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Bahasa Indonesia first, English on request: a page's {@code ?lang=en} switch is remembered in a
 * cookie; without one, the browser's Accept-Language picks between the two, else Indonesian.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

  static final Locale INDONESIAN = Locale.forLanguageTag("id");
  static final List<Locale> SUPPORTED = List.of(INDONESIAN, Locale.ENGLISH);

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("lapor-lang");
    resolver.setDefaultLocaleFunction(request -> {
      String header = request.getHeader("Accept-Language");
      if (header == null || header.isBlank()) {
        return INDONESIAN;
      }
      try {
        Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
        return best != null ? best : INDONESIAN;
      } catch (IllegalArgumentException e) {
        return INDONESIAN;
      }
    });
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
    lang.setParamName("lang");
    lang.setIgnoreInvalidLocale(true);
    registry.addInterceptor(lang);
  }
}
