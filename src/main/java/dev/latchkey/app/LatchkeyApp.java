package dev.latchkey.app;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The JavaFX application. With {@code --smoke} it exits (status 0) as soon as the first window has been shown, so
 * an installer check can prove that the bundled runtime starts the UI; the line it prints carries the start-up time
 * and resident memory that packaging/bench-startup.sh records.
 */
public final class LatchkeyApp extends Application {

    public static final String SMOKE = "--smoke";

    private AppContext context;

    @Override
    public void start(Stage stage) {
        context = AppContext.create(AppContext.Config.production());
        boolean smoke = getParameters().getRaw().contains(SMOKE);
        stage.setTitle("Latchkey");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(LatchkeyApp.class.getResource("icons/latchkey-" + size + ".png").toExternalForm()));
        }
        stage.setScene(context.mainWindow().createScene(1280, 800));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        if (smoke) {
            stage.setOnShown(e -> Platform.runLater(() -> {
                System.out.println("latchkey: first window shown" + StartupReport.describe());
                Platform.exit();
            }));
        }
        stage.show();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }

    /** Whether {@code args} are for the desktop app rather than the CLI: none, or only app flags. */
    static boolean isAppInvocation(String[] args) {
        return List.of(args).stream().allMatch(SMOKE::equals);
    }
}
