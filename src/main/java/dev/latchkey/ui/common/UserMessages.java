package dev.latchkey.ui.common;

import dev.latchkey.keystore.KeystoreException;

/** Turns a failure into one sentence for the place the user is looking; never includes secrets. */
public final class UserMessages {

    private UserMessages() {
    }

    public static String describe(Throwable failure) {
        Throwable e = failure;
        while (e.getCause() != null && !(e instanceof KeystoreException)) {
            e = e.getCause();
        }
        if (e instanceof KeystoreException k) {
            return switch (k) {
                case KeystoreException.WrongPasswordException w -> "Wrong password. Check Caps Lock and try again.";
                case KeystoreException.UnlockThrottledException t -> "Too many wrong passwords. Try again in "
                        + Math.max(1, t.retryAfter().toSeconds()) + " s.";
                case KeystoreException.AlreadyOpenException a ->
                        "This wallet is already open in another Latchkey window or command.";
                case KeystoreException.InvalidInputException i -> capitalised(i.getMessage());
                default -> capitalised(k.getMessage());
            };
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : capitalised(e.getMessage());
    }

    private static String capitalised(String text) {
        if (text == null || text.isEmpty()) {
            return "Something went wrong.";
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
