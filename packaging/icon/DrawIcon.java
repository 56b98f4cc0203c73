import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the Latchkey app icon (a key on an indigo tile) at the sizes the stage and the installers use. Run with
 * {@code java -Djava.awt.headless=true packaging/icon/DrawIcon.java src/main/resources/dev/latchkey/app/icons};
 * the PNGs are committed, so the build never needs to run this. Shapes are drawn on a 512 grid and scaled, so
 * every size is the same picture.
 */
public final class DrawIcon {

    private static final int[] SIZES = {16, 32, 48, 64, 128, 256, 512};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        for (int size : SIZES) {
            ImageIO.write(draw(size), "png", out.resolve("latchkey-" + size + ".png").toFile());
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 512.0, size / 512.0);

        // tile: rounded square, indigo to blue, with a thin lighter rim so it reads on dark docks too
        RoundRectangle2D tile = new RoundRectangle2D.Double(24, 24, 464, 464, 112, 112);
        g.setPaint(new GradientPaint(24, 24, new Color(0x4F46E5), 488, 488, new Color(0x1D4ED8)));
        g.fill(tile);
        g.setStroke(new BasicStroke(6));
        g.setColor(new Color(255, 255, 255, 60));
        g.draw(tile);

        // the key, rotated 45°: round bow with a hole, shaft, two bits
        g.rotate(Math.toRadians(-45), 256, 256);
        Area key = new Area(new Ellipse2D.Double(92, 176, 160, 160));
        key.subtract(new Area(new Ellipse2D.Double(132, 216, 80, 80)));
        key.add(new Area(new RoundRectangle2D.Double(236, 236, 196, 40, 16, 16)));
        key.add(new Area(new Rectangle2D.Double(356, 268, 28, 52)));
        key.add(new Area(new Rectangle2D.Double(400, 268, 28, 36)));
        g.setColor(new Color(0, 0, 0, 50));
        g.translate(6, 8);
        g.fill(key);
        g.translate(-6, -8);
        g.setColor(Color.WHITE);
        g.fill(key);
        g.dispose();
        return image;
    }
}
