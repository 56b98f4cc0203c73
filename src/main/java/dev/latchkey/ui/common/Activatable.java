package dev.latchkey.ui.common;

/** Lifecycle of a view model: {@code activate} when its view is attached, {@code deactivate} when it leaves. */
public interface Activatable {

    void activate();

    void deactivate();
}
