package io.hotswap.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A generation on probation rolled back: the one it replaced is current again. */
@Name("io.hotswap.Rollback")
@Label("Plugin Rollback")
@Category("Hotswap")
@Description("A generation on probation rolled back, by the host or by the probation rule: the generation it"
        + " replaced is current again")
@StackTrace(false)
public final class RollbackEvent extends Event {

    @Label("Host")
    String host;

    @Label("From Generation")
    long from;

    @Label("To Generation")
    long to;

    @Label("Automatic")
    @Description("Rolled back by the probation rule, not by a request")
    boolean automatic;

    @Label("Reason")
    @Description("The rule that failed, with the plugins whose calls threw")
    String reason;

    @Label("Calls")
    long calls;

    @Label("Failures")
    long failures;

    public RollbackEvent(String host, long from, long to, boolean automatic) {
        this.host = host;
        this.from = from;
        this.to = to;
        this.automatic = automatic;
    }

    /** Why, and the probation's figures. */
    public void because(String reason, long calls, long failures) {
        this.reason = reason;
        this.calls = calls;
        this.failures = failures;
    }
}
