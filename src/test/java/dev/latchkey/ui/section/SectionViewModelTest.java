package dev.latchkey.ui.section;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.ui.shell.Section;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SectionViewModelTest {

    @Test
    void placeholdersSayWhatIsComingAndRunTheirOneCommand() {
        AtomicInteger opened = new AtomicInteger();
        SectionViewModel sessions = new SectionViewModel(Section.SESSIONS, Optional.of(new SectionViewModel.Command("New session", opened::incrementAndGet)));
        assertThat(sessions.section().arrival()).contains("issue 06, screen 7").contains("Building and approving a session works now");
        sessions.showMessage("This needs the wallet services.");
        sessions.onCommand();
        assertThat(opened).hasValue(1);
        assertThat(sessions.messageProperty().get()).isEmpty(); // a new attempt clears the last reason

        SectionViewModel portfolio = new SectionViewModel(Section.PORTFOLIO, Optional.empty());
        portfolio.onCommand();
        assertThat(portfolio.command()).isEmpty();
        assertThat(portfolio.section().arrival()).contains("issue 06");
    }
}
