package id.lapor.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.id.IndonesianStemFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.synonym.SynonymGraphFilterFactory;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.ResourceLoader;

/**
 * The analysis of complaint texts: tokens, lower case, abbreviations spelled out
 * ({@code text/abbreviations.txt}: "jln" → "jalan"), Indonesian stop words removed and words
 * stemmed (Lucene's {@code IndonesianStemFilter}: "berlubang" → "lubang", "kesehatan" → "sehat").
 * Thread-safe; one instance serves the whole application.
 */
public final class IndonesianText {

  private static final IndonesianText INSTANCE = new IndonesianText();

  private final Analyzer analyzer;

  private IndonesianText() {
    try {
      ResourceLoader classpath = new org.apache.lucene.util.ClasspathResourceLoader(IndonesianText.class.getClassLoader());
      this.analyzer = CustomAnalyzer.builder(classpath)
          .withTokenizer(StandardTokenizerFactory.NAME)
          .addTokenFilter(LowerCaseFilterFactory.NAME)
          .addTokenFilter(SynonymGraphFilterFactory.NAME, "synonyms", "text/abbreviations.txt", "ignoreCase", "true",
              "expand", "false")
          .addTokenFilter(StopFilterFactory.NAME, "words", "org/apache/lucene/analysis/id/stopwords.txt",
              "ignoreCase", "true")
          .addTokenFilter(IndonesianStemFilterFactory.NAME)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("text analysis resources missing", e);
    }
  }

  public static IndonesianText get() {
    return INSTANCE;
  }

  /** The analyzer, for Lucene indexes and queries. */
  public Analyzer analyzer() {
    return analyzer;
  }

  /** The stems of a text in order (with repeats). */
  public List<String> stems(String text) {
    List<String> stems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return stems;
    }
    try (TokenStream tokens = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        stems.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return stems;
  }
}
