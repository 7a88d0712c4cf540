import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the two icons of the Teams app package: a 192x192 colour icon (a white speech bubble with a
 * check mark on the accent colour) and a 32x32 outline icon (the same shapes, white on transparent).
 *
 * <p>Run from this folder with {@code java -Djava.awt.headless=true MakeIcons.java}; it rewrites
 * {@code color.png} and {@code outline.png}, which are committed.
 */
public class MakeIcons {

    private static final Color ACCENT = new Color(0x1F, 0x5F, 0xA8);

    public static void main(String[] args) throws IOException {
        ImageIO.write(color(), "png", new File("color.png"));
        ImageIO.write(outline(), "png", new File("outline.png"));
    }

    static BufferedImage color() {
        BufferedImage image = new BufferedImage(192, 192, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(ACCENT);
        g.fillRect(0, 0, 192, 192);
        g.setColor(Color.WHITE);
        g.fill(bubble(36, 40, 120, 88, 22));
        g.setColor(ACCENT);
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(check(66, 84, 88, 104, 128, 62));
        g.dispose();
        return image;
    }

    static BufferedImage outline() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(bubble(4, 5, 24, 17, 5));
        g.draw(check(10, 13, 14, 17, 22, 9));
        g.dispose();
        return image;
    }

    /** A rounded rectangle with a tail under its left part. */
    private static Path2D bubble(double x, double y, double w, double h, double r) {
        Path2D path = new Path2D.Double(new RoundRectangle2D.Double(x, y, w, h, r * 2, r * 2));
        Path2D tail = new Path2D.Double();
        tail.moveTo(x + w * 0.22, y + h - 1);
        tail.lineTo(x + w * 0.18, y + h + h * 0.32);
        tail.lineTo(x + w * 0.45, y + h - 1);
        tail.closePath();
        path.append(tail, false);
        return path;
    }

    private static Path2D check(double x1, double y1, double x2, double y2, double x3, double y3) {
        Path2D path = new Path2D.Double();
        path.moveTo(x1, y1);
        path.lineTo(x2, y2);
        path.lineTo(x3, y3);
        return path;
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }
}
