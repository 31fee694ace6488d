/**
 * Indonesian text analysis shared by routing and duplicate detection: Lucene's Indonesian stop words
 * and stemmer after the abbreviations of {@code text/abbreviations.txt} are spelled out.
 */
@ApplicationModule(displayName = "Teks (text)", allowedDependencies = {})
package id.lapor.text;

import org.springframework.modulith.ApplicationModule;
