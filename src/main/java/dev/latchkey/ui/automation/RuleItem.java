package dev.latchkey.ui.automation;

/**
 * One rule as the list shows it. {@code status} is "active", "paused", "needs attention" or "done";
 * {@code reason} says why it is not active (empty otherwise); {@code lastRun}/{@code nextRun} come from its
 * firings, evaluations and trigger; {@code canEdit} holds while the rule is live (not done or removed).
 * Arrays are not copied.
 */
public record RuleItem(byte[] ruleId, String shortId, String title, String status, String reason, String session, String lastRun,
                       String nextRun, boolean canPause, boolean canResume, boolean canEdit) { }
