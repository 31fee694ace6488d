/**
 * Routing suggestions: which institution should act on a complaint, from {@code processes/Routing.dmn}
 * (category, stemmed keywords and regency, edited by process designers), shown and pre-selected in
 * Verify complaint with the rules that matched.
 */
package id.lapor.routing;
