package dev.podbgp.daemon.process;

/**
 * What a helper's command line came to. With ack on, ExaBGP writes only the word ({@code done} or {@code error})
 * back to the helper; the reason goes to podbgp's log.
 */
sealed interface Answer {

    /** The word ExaBGP writes on the helper's stdin. */
    String word();

    record Done(String what) implements Answer {
        @Override
        public String word() {
            return "done";
        }
    }

    record Error(String reason) implements Answer {
        @Override
        public String word() {
            return "error";
        }
    }
}
