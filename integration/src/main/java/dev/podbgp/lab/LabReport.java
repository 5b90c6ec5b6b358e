package dev.podbgp.lab;

/** The lab's state at the moment a test failed, carried as a suppressed exception. */
public final class LabReport extends RuntimeException {
    public LabReport(String report) {
        super(report, null, false, false);
    }
}
