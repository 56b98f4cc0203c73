package dev.latchkey.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Reads and waits of the app's TestFX tests: a read runs on the FX thread, a wait ends after pending FX events. */
final class FxLookups {

    private FxLookups() {
    }

    /** {@code read} on the FX thread. */
    static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** The text of the label (or button) {@code query} finds; empty when there is none yet. */
    static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> {
            try {
                return fx(((Labeled) n)::getText);
            } catch (Exception e) {
                return "";
            }
        }).orElse("");
    }

    /** Until {@code query} finds a visible node (30 s). */
    static void waitFor(FxRobot robot, String query) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
