package dev.latchkey.cli;

import dev.latchkey.devnet.DevnetExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link OneClickCliPath} on our own stack: our SmartSession and policies. */
@ExtendWith(DevnetExtension.class)
class OneClickCliOnDevnetTest extends OneClickCliPath {
}
