package io.hotswap.runtime.call;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;

/**
 * The gate every call into one generation passes: it counts the calls in flight and, once the
 * generation was replaced and its free delay has passed, lets no new call in and says when the
 * last one left. A generation and its live functions share one gate, given to both when the
 * generation is built, so {@code invokeEach}, a plugin handle and a live call all hold the
 * generation the same way.
 *
 * <p>Its life: {@link State#OPEN}, then {@link State#CLOSING} (free due: calls in flight may
 * finish, none may enter), then {@link State#CLOSED} (drained: the owner frees the plugins).
 * Calls never wait for the owner and the owner never waits for calls.
 *
 * @implNote Calls in flight are counted on stripes, each on its own pair of cache lines, picked
 *     by the calling thread: threads that call at once then do not all fight over one counter
 *     (with one shared counter, two threads calling in a loop spent most of their time on it). A
 *     call enters and exits on the same thread, so on the same stripe, and no stripe goes below
 *     zero; the sum is exact whenever it is read as zero after the state was set. A
 *     {@link java.util.concurrent.atomic.LongAdder} would be wrong here: it picks its cell by a
 *     per-thread probe that it may move on contention, so a thread's exit can land on another cell
 *     than its entry, and a transient sum of zero would free a generation with a call inside.
 */
public final class CallGate {

    /** The gate's life, in order; {@link #CLOSED} is terminal. */
    public enum State {
        /** Calls enter freely. */
        OPEN,
        /** The free is due: calls in flight may finish, no new call enters. */
        CLOSING,
        /** Drained after closing: nobody is or will be inside. */
        CLOSED
    }

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(CallGate.class, "state", State.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int STRIPES =
            Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 2 - 1) << 1;
    private static final int PAD = 32; // ints: 128 bytes, two cache lines (adjacent-line prefetch)

    private final String owner;
    private final Consumer<CallGate> whenDrained;
    private final AtomicIntegerArray calls = new AtomicIntegerArray(STRIPES * PAD);
    private volatile State state = State.OPEN;
    // Set only while the generation is on probation: the calls and failures its rule judges.
    private volatile CallTally tally;

    /**
     * @param owner       what the gate guards, for messages: {@code generation 3}
     * @param whenDrained run (on the thread of the last call out) when the last call leaves a
     *                    closing gate; it should hand the work off, not do it
     */
    public CallGate(String owner, Consumer<CallGate> whenDrained) {
        this.owner = owner;
        this.whenDrained = whenDrained;
    }

    /** A gate that nobody closes: for what belongs to no generation. */
    public static CallGate neverClosed(String owner) {
        return new CallGate(owner, g -> { });
    }

    /**
     * Counts a call in.
     *
     * @throws IllegalStateException if the gate is closing or closed
     */
    public void enter() {
        if (!tryEnter()) {
            throw closed();
        }
    }

    // Apart from enter(), so that enter() stays small enough for the JIT to inline into every call.
    private IllegalStateException closed() {
        return new IllegalStateException(owner + " was replaced and freed (or is being freed);"
                + " call through Swapper.current() or Swapper.invokeEach");
    }

    /**
     * Counts a call in, unless the gate is closing or closed. The count goes up before the state
     * is read, and {@link #markFreeDue} sets the state before {@link #closeIfDrained} reads the
     * counts: so either this call sees the gate closing and backs out, or the closer sees the call.
     */
    public boolean tryEnter() {
        int stripe = stripe();
        calls.getAndIncrement(stripe);
        if (state == State.OPEN) {
            return true;
        }
        leave(stripe);
        return false;
    }

    /** Counts a call out; the call must have entered on this thread. */
    public void exit() {
        leave(stripe());
    }

    private void leave(int stripe) {
        calls.decrementAndGet(stripe);
        if (state != State.OPEN) {
            drainedIfLast();
        }
    }

    // The rare path of leave(), apart so that leave() stays small.
    private void drainedIfLast() {
        if (state == State.CLOSING && sum() == 0) {
            whenDrained.accept(this);
        }
    }

    /**
     * The free delay has passed: from now on no new call enters. True if this call closed an open
     * gate; false if it was closing or closed already (a close requested twice is no error: the
     * delay's timer and a swapper's close may both ask).
     */
    public boolean markFreeDue() {
        return STATE.compareAndSet(this, State.OPEN, State.CLOSING);
    }

    /**
     * Closes the gate if its free is due and no call is in flight. True exactly once: the caller
     * then owns freeing what the gate guards. While calls are in flight the gate stays closing,
     * and the last of them runs {@code whenDrained}.
     */
    public boolean closeIfDrained() {
        return state == State.CLOSING && sum() == 0 && STATE.compareAndSet(this, State.CLOSING, State.CLOSED);
    }

    /**
     * Counts {@code n} plugin calls for the probation's figures, if the generation is on trial;
     * a call through {@code invokeEach} counts once per plugin.
     */
    public void count(int n) {
        CallTally t = tally;
        if (t != null) {
            t.called(n);
        }
    }

    /** A call of {@code plugin} threw: counted for the probation's figures, if the generation is on trial. */
    public void failed(String plugin) {
        CallTally t = tally;
        if (t != null) {
            t.failed(plugin);
        }
    }

    /** From now on calls are counted in {@code tally}, until {@link #stopTally()}. */
    public void startTally(CallTally tally) {
        this.tally = java.util.Objects.requireNonNull(tally, "tally");
    }

    /** Calls are no longer counted (the probation ended). */
    public void stopTally() {
        this.tally = null;
    }

    /** Calls inside now. */
    public int callsInFlight() {
        return sum();
    }

    public State state() {
        return state;
    }

    private static int stripe() {
        return ((int) Thread.currentThread().getId() & (STRIPES - 1)) * PAD;
    }

    private int sum() {
        int sum = 0;
        for (int i = 0; i < STRIPES; i++) {
            sum += calls.get(i * PAD);
        }
        return sum;
    }

    @Override
    public String toString() {
        return "call gate of " + owner + " (" + state + ", " + sum() + " in flight)";
    }
}
