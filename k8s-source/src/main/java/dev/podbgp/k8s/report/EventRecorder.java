package dev.podbgp.k8s.report;

import dev.podbgp.log.EventLog;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes core/v1 Events about cluster objects. A failed write is logged and dropped: an Event is
 * a courtesy to the operator and must never hold up routing.
 *
 * @param namespace where the Events live; cluster-scoped objects (Nodes, our CRDs) conventionally use {@code default}
 * @param host      the reporting node, shown as the Event's source
 */
public record EventRecorder(KubernetesClient client, String namespace, String host) {
    private static final EventLog LOG = EventLog.named(EventRecorder.class.getName());
    private static final AtomicLong SEQUENCE = new AtomicLong();

    public enum Type { Normal, Warning }

    /**
     * @param apiVersion of the object, e.g. {@code v1} for a Node, {@code podbgp.dev/v1alpha1} for our CRDs
     * @param reason     CamelCase, machine-readable (kubectl shows it in a column)
     */
    public void record(String apiVersion, String kind, String name, Type type, String reason, String message) {
        write(namespace, null, apiVersion, kind, name, type, reason, message);
    }

    /**
     * An Event about a namespaced object (a Service): it lives in the object's namespace, where
     * {@code kubectl describe} looks for it.
     */
    public void recordNamespaced(String objectNamespace, String apiVersion, String kind, String name, Type type,
                                 String reason, String message) {
        write(objectNamespace, objectNamespace, apiVersion, kind, name, type, reason, message);
    }

    private void write(String eventNamespace, String objectNamespace, String apiVersion, String kind, String name,
                       Type type, String reason, String message) {
        String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String eventName = name.toLowerCase(Locale.ROOT) + "." + Long.toHexString(System.nanoTime())
                + Long.toHexString(SEQUENCE.incrementAndGet());
        var event = new EventBuilder()
                .withNewMetadata().withName(eventName).withNamespace(eventNamespace).endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(apiVersion).withKind(kind)
                        .withNamespace(objectNamespace).withName(name).build())
                .withType(type.name()).withReason(reason).withMessage(message)
                .withNewSource().withComponent("podbgp").withHost(host).endSource()
                .withReportingComponent("podbgp").withReportingInstance(host)
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .build();
        try {
            client.v1().events().inNamespace(eventNamespace).resource(event).create();
        } catch (KubernetesClientException e) {
            LOG.warn("event-write-failed").with("kind", kind).with("name", name).with("event-reason", reason)
                    .with("error", e.getMessage()).log();
        }
    }
}
