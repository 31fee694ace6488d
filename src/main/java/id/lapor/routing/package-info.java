/**
 * Routing suggestions: which institution should act on a complaint, from {@code processes/Routing.dmn}
 * (category, stemmed keywords and regency, edited by process designers), shown and pre-selected in
 * Verify complaint with the rules that matched.
 */
@ApplicationModule(displayName = "Saran penerusan (routing)", allowedDependencies = {"complaint", "institutions", "models", "text"})
package id.lapor.routing;

import org.springframework.modulith.ApplicationModule;
