package io.hotswap.benchmarks;

/**
 * One row of RESULTS.md: a figure beside its floor and its goal.
 *
 * @param figure what was measured
 * @param value  median and spread
 * @param floor  the floor or peer measured in the same run, with its spread
 * @param ratio  figure against floor
 * @param goal   the goal from the issue, or why the row has none
 * @param result whether the goal was met, or that the row is a figure without a goal
 */
record Figure(String figure, String value, String floor, String ratio, String goal, Result result) {

    /** The last column of a row. */
    enum Result {
        PASS("pass"), MISS("**miss**"), FIGURE("figure");

        private final String text;

        Result(String text) {
            this.text = text;
        }
    }

    /** A row with a goal, met or not. */
    Figure(String figure, String value, String floor, String ratio, String goal, boolean pass) {
        this(figure, value, floor, ratio, goal, pass ? Result.PASS : Result.MISS);
    }

    /**
     * A row of {@code value} against {@code floor}, both in milliseconds with their spread, the
     * ratio of the medians (and of the p90s); the goal is met at a median ratio of at most
     * {@code goalRatio}.
     *
     * @param floorLabel what the floor is, after its figures ({@code ", `javac` + `jar`"}); may be empty
     */
    static Figure ratio(String figure, Samples value, Samples floor, String floorLabel, String goal, double goalRatio) {
        double ratio = (double) value.median() / floor.median();
        return new Figure(figure, value.describeMillis(), floor.describeMillis() + floorLabel, ratioText(value, floor), goal,
                ratio <= goalRatio);
    }

    /**
     * A row of {@code value} beside a peer's {@code floor}, both in milliseconds with their
     * spread, the ratio of the medians (and of the p90s), with no goal: {@code why} says why.
     *
     * @param floorLabel what the floor is, before its figures ({@code "PF4J 3.15.0 host: "})
     */
    static Figure beside(String figure, Samples value, String floorLabel, Samples floor, String why) {
        return only(figure, value.describeMillis(), floorLabel + floor.describeMillis(), ratioText(value, floor), why);
    }

    private static String ratioText(Samples value, Samples floor) {
        return "%.2f× (p90 %.2f×)".formatted((double) value.median() / floor.median(), (double) value.p90() / floor.p90());
    }

    /** A row shown beside the others, with no goal: {@code why} says why it has none. */
    static Figure only(String figure, String value, String floor, String ratio, String why) {
        return new Figure(figure, value, floor, ratio, why, Result.FIGURE);
    }

    /** Whether no goal was missed. */
    boolean pass() {
        return result != Result.MISS;
    }

    String markdownRow() {
        return "| " + String.join(" | ", figure, value, floor, ratio, goal, result.text) + " |";
    }
}
