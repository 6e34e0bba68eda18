package org.doudi.notice.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lays a rendered notice out on A4 pages with PDFBox: the title centred, the body wrapped at the margin, lines
 * marked {@code >>} flush right. The font is embedded as a subset (only the glyphs used), so the text is both
 * printable anywhere and extractable. Font: {@code doudi.notices.font} (a TrueType file with glyf outlines), else
 * the Droid Sans Fallback shipped with the sources (notices/font/README.md).
 */
@Component
public class NoticePdf {

  static final String BUNDLED_FONT = "/notices/font/DroidSansFallbackFull.ttf";
  /** Latin letters, digits and ASCII signs: Liberation Sans (SIL OFL), shipped inside the PDFBox jar. */
  static final String LATIN_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final float MARGIN = 72f;
  private static final float TITLE_SIZE = 18f;
  private static final float BODY_SIZE = 12f;
  private static final float LEADING = 21f;
  /** Punctuation that must not start a line (it stays at the end of the line before). */
  private static final String NO_LINE_START = "，。、；：？！）》」』”’…%";

  private final byte[] font;
  private final byte[] latin;

  public NoticePdf(@Value("${doudi.notices.font:}") String fontFile) {
    this.font = load(fontFile);
    this.latin = resource(LATIN_FONT);
  }

  private static byte[] load(String fontFile) {
    if (fontFile != null && !fontFile.isBlank()) {
      Path p = Path.of(fontFile.strip());
      try {
        return Files.readAllBytes(p);
      } catch (IOException e) {
        throw new IllegalStateException("doudi.notices.font: the font file " + p + " cannot be read ("
            + e.getMessage() + "); give a TrueType (.ttf) file with Chinese glyphs or leave the setting empty", e);
      }
    }
    return resource(BUNDLED_FONT);
  }

  private static byte[] resource(String name) {
    try (InputStream in = NoticePdf.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The notices' font " + name + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("The notices' font cannot be read: " + e.getMessage(), e);
    }
  }

  /** The PDF of one notice. */
  public byte[] render(NoticeTemplates.Rendered notice, String subject) {
    try (PDDocument doc = new PDDocument()) {
      PDType0Font f = PDType0Font.load(doc, new ByteArrayInputStream(font), true);
      PDType0Font l = PDType0Font.load(doc, new ByteArrayInputStream(latin), true);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(notice.title());
      info.setSubject(subject);
      info.setCreator("Doudi 社会救助");
      info.setCreationDate(Calendar.getInstance());
      Glyphs glyphs = new Glyphs(f, l);
      Layout layout = new Layout(doc, glyphs);
      layout.centred(glyphs.printable(notice.title()), TITLE_SIZE);
      layout.skip(LEADING * 0.5f);
      for (String line : notice.lines()) {
        if (line.startsWith(">>")) {
          layout.right(glyphs.printable(line.substring(2).strip()));
        } else if (line.isBlank()) {
          layout.skip(LEADING * 0.6f);
        } else {
          for (String part : wrap(glyphs.printable(line), glyphs, layout.width())) {
            layout.left(part);
          }
        }
      }
      layout.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("通知书PDF生成失败：" + e.getMessage(), e);
    }
  }

  /** Breaks a line at the width, character by character (Chinese has no spaces), keeping closing marks attached. */
  static List<String> wrap(String line, Glyphs glyphs, float width) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    float used = 0;
    int i = 0;
    while (i < line.length()) {
      int cp = line.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      float w = glyphs.width(ch) * BODY_SIZE / 1000f;
      boolean closing = NO_LINE_START.indexOf(cp) >= 0;
      if (used + w > width && current.length() > 0 && !closing) {
        out.add(current.toString());
        current.setLength(0);
        used = 0;
      }
      current.append(ch);
      used += w;
      i += Character.charCount(cp);
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out;
  }

  /**
   * Which font draws each character (Latin letters, digits and signs below U+2000 in Liberation Sans, the rest in
   * the Chinese font, the other one where a font lacks the glyph), the widths, and a stand-in (□) for a character
   * neither has: a notice never fails on an unusual character in a name.
   */
  static final class Glyphs {
    private final PDType0Font cjk;
    private final PDType0Font latin;
    private final Map<Integer, PDType0Font> chosen = new HashMap<>();

    Glyphs(PDType0Font cjk, PDType0Font latin) {
      this.cjk = cjk;
      this.latin = latin;
    }

    /** The font that has the character, or null. */
    PDType0Font fontFor(int cp) {
      return chosen.computeIfAbsent(cp, c -> {
        PDType0Font first = c < 0x2000 ? latin : cjk;
        PDType0Font second = first == latin ? cjk : latin;
        return has(first, c) ? first : has(second, c) ? second : null;
      });
    }

    private static boolean has(PDType0Font font, int cp) {
      try {
        font.encode(new String(Character.toChars(cp)));
        return font.getStringWidth(new String(Character.toChars(cp))) >= 0;
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }

    float width(String ch) {
      int cp = ch.codePointAt(0);
      try {
        return fontFor(cp).getStringWidth(ch);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    float width(String text, float size) {
      float w = 0;
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        w += width(new String(Character.toChars(cp))) * size / 1000f;
        i += Character.charCount(cp);
      }
      return w;
    }

    String printable(String text) {
      StringBuilder b = new StringBuilder();
      text.codePoints().forEach(cp -> {
        if (cp == '\t') {
          b.append("  ");
        } else if (fontFor(cp) != null) {
          b.appendCodePoint(cp);
        } else {
          b.append(fontFor('□') != null ? "□" : "?");
        }
      });
      return b.toString();
    }
  }

  /** Writes lines top-down, starting a new A4 page when one is full. */
  private static final class Layout {
    private final PDDocument doc;
    private final Glyphs glyphs;
    private PDPageContentStream stream;
    private float y;
    private final float pageWidth = PDRectangle.A4.getWidth();

    Layout(PDDocument doc, Glyphs glyphs) throws IOException {
      this.doc = doc;
      this.glyphs = glyphs;
      newPage();
    }

    float width() {
      return pageWidth - 2 * MARGIN;
    }

    private void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      stream = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void text(String s, float x, float size) throws IOException {
      if (y - LEADING < MARGIN) {
        newPage();
      }
      y -= size > BODY_SIZE ? LEADING * 1.4f : LEADING;
      stream.beginText();
      stream.newLineAtOffset(x, y);
      // runs of characters that share a font
      PDType0Font current = null;
      StringBuilder run = new StringBuilder();
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        PDType0Font f = glyphs.fontFor(cp);
        if (f != current && run.length() > 0) {
          stream.setFont(current, size);
          stream.showText(run.toString());
          run.setLength(0);
        }
        current = f;
        run.appendCodePoint(cp);
        i += Character.charCount(cp);
      }
      if (run.length() > 0) {
        stream.setFont(current, size);
        stream.showText(run.toString());
      }
      stream.endText();
    }

    void centred(String s, float size) throws IOException {
      float w = glyphs.width(s, size);
      text(s, Math.max(MARGIN, (pageWidth - w) / 2), size);
    }

    void right(String s) throws IOException {
      float w = glyphs.width(s, BODY_SIZE);
      text(s, Math.max(MARGIN, pageWidth - MARGIN - w), BODY_SIZE);
    }

    void left(String s) throws IOException {
      text(s, MARGIN, BODY_SIZE);
    }

    void skip(float h) {
      y -= h;
    }

    void close() throws IOException {
      stream.close();
    }
  }
}
