package dev.latchkey.keystore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A quick, explainable estimate of a new password, shown next to the field as the user types, and the one policy
 * every new wallet or export password meets — in the app (first run, settings) and on the CLI ({@code wallet init},
 * {@code change-password}, {@code export-keystore}): {@link #acceptable()}. Argon2id does the real work; this keeps
 * an empty or trivially guessable password out of both front ends alike.
 */
public record PasswordStrength(int score, String label, List<String> reasons, boolean acceptable) {

    public static final int MIN_LENGTH = 10;
    private static final String[] LABELS = {"Very weak", "Weak", "Fair", "Good", "Strong"};
    private static final String[] COMMON = {"password", "passwort", "latchkey", "qwerty", "letmein", "welcome",
        "123456", "admin", "wallet", "bitcoin", "ethereum", "iloveyou"};

    public PasswordStrength {
        reasons = List.copyOf(reasons);
    }

    /** Estimates {@code password}; the reasons say what would make it stronger (empty when nothing). */
    public static PasswordStrength of(CharSequence password) {
        int length = password.length();
        List<String> reasons = new ArrayList<>();
        if (length == 0) {
            return new PasswordStrength(0, "", List.of("Choose a password of at least " + MIN_LENGTH + " characters."), false);
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < length; i++) {
            char c = password.charAt(i);
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
            digit |= Character.isDigit(c);
            other |= !Character.isLetterOrDigit(c);
        }
        int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
        double bits = length * (Math.log(Math.max(pool, 2)) / Math.log(2));
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        boolean common = containsCommon(password);
        if (length < MIN_LENGTH) {
            reasons.add("Use at least " + MIN_LENGTH + " characters (" + length + " so far).");
        }
        if (classes < 3 && length < 16) {
            reasons.add("Mix upper- and lower-case letters, digits and symbols, or use a passphrase of 16+ characters.");
        }
        if (common) {
            reasons.add("Avoid common words such as \"password\" or \"qwerty\".");
            bits /= 3;
        }
        if (hasRun(password)) {
            reasons.add("Avoid repeated characters or sequences such as \"aaa\" or \"1234\".");
            bits *= 0.6;
        }
        int score = bits < 28 ? 0 : bits < 40 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
        if (length < MIN_LENGTH) {
            score = Math.min(score, 1);
        }
        boolean acceptable = length >= MIN_LENGTH && score >= 2 && !common;
        return new PasswordStrength(score, LABELS[score], reasons, acceptable);
    }

    /** Refuses a password the policy does not accept, with the reasons, naming {@code what} ("wallet password"). */
    public static void require(String what, char[] password) throws KeystoreException {
        PasswordStrength s = of(java.nio.CharBuffer.wrap(password));
        if (!s.acceptable()) {
            throw new KeystoreException.InvalidInputException("the " + what + " is too weak: " + String.join(" ", s.reasons().isEmpty()
                    ? List.of("Make it longer or less predictable.") : s.reasons()));
        }
    }

    /** 0..1 for a strength meter. */
    public double fraction() {
        return (score + 1) / 5.0;
    }

    private static boolean containsCommon(CharSequence password) {
        String lower = password.toString().toLowerCase(Locale.ROOT);
        for (String word : COMMON) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Three equal characters, or four ascending/descending by one ("abcd", "4321"). */
    private static boolean hasRun(CharSequence p) {
        for (int i = 0; i + 2 < p.length(); i++) {
            if (p.charAt(i) == p.charAt(i + 1) && p.charAt(i) == p.charAt(i + 2)) {
                return true;
            }
        }
        for (int i = 0; i + 3 < p.length(); i++) {
            int d = p.charAt(i + 1) - p.charAt(i);
            if ((d == 1 || d == -1) && p.charAt(i + 2) - p.charAt(i + 1) == d && p.charAt(i + 3) - p.charAt(i + 2) == d) {
                return true;
            }
        }
        return false;
    }
}
