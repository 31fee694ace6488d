package id.lapor.intake;

import io.nayuki.qrcodegen.QrCode;

/**
 * The QR code of a complaint's private link, as the receipt page (SVG) and its PDF draw it: a phone
 * camera opens the link, so a printed receipt leads back to the complaint.
 */
final class ReceiptCodes {

  /** Quiet zone around the code, in modules (the QR standard asks for four). */
  static final int BORDER = 4;

  private ReceiptCodes() {}

  static QrCode of(String link) {
    return QrCode.encodeText(link, QrCode.Ecc.MEDIUM);
  }

  /** An SVG image of the code (one path; black modules on white), scaled by the page. */
  static String svg(String link, String label) {
    QrCode qr = of(link);
    int size = qr.size + 2 * BORDER;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
        + "\" role=\"img\" aria-label=\"" + org.springframework.web.util.HtmlUtils.htmlEscape(label)
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
  }
}
