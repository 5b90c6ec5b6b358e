package dev.podbgp.fib.route;

import java.util.ArrayList;
import java.util.List;

/** Collects every result a writer reports, in order. */
final class Results implements RouteResultListener {

    record Result(long tag, int errno, String reason) {}

    final List<Result> all = new ArrayList<>();

    @Override
    public void onResult(long tag, int errno, String reason) {
        all.add(new Result(tag, errno, reason));
    }

    Result of(long tag) {
        return all.stream().filter(r -> r.tag() == tag).findFirst().orElseThrow(() -> new AssertionError("no result for " + tag));
    }

    boolean allOk() {
        return all.stream().allMatch(r -> r.errno() == 0);
    }
}
