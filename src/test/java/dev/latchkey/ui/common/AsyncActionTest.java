package dev.latchkey.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AsyncActionTest {

    @Test
    void runsInTheBackgroundAndReportsOnTheFxExecutor() {
        List<Runnable> background = new ArrayList<>();
        List<Runnable> fx = new ArrayList<>();
        AsyncAction action = new AsyncAction(background::add, fx::add);
        AtomicReference<String> result = new AtomicReference<>();

        assertThat(action.run(p -> {
            p.update(0.5, "half");
            return "done";
        }, result::set, e -> { })).isTrue();
        assertThat(action.isRunning()).isTrue();
        assertThat(action.progressProperty().get()).isEqualTo(-1);
        assertThat(action.run(p -> "again", result::set, e -> { })).as("one run at a time").isFalse();

        background.removeFirst().run();
        assertThat(result.get()).as("nothing lands until the FX executor runs").isNull();
        fx.removeFirst().run();
        assertThat(action.progressProperty().get()).isEqualTo(0.5);
        assertThat(action.messageProperty().get()).isEqualTo("half");
        fx.removeFirst().run();
        assertThat(result.get()).isEqualTo("done");
        assertThat(action.isRunning()).isFalse();
        assertThat(action.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void failuresSetTheErrorProperty() {
        AsyncAction action = new AsyncAction(Runnable::run, FxExecutor.direct());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        action.run(p -> {
            throw new IllegalStateException("boom");
        }, r -> { }, failure::set);
        assertThat(failure.get()).hasMessage("boom");
        assertThat(action.errorProperty().get()).isSameAs(failure.get());
        assertThat(action.isRunning()).isFalse();
        assertThat(UserMessages.describe(failure.get())).isEqualTo("Boom");
    }
}
