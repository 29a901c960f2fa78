package vn.gov.prefill.flow;

/**
 * A prefill whose reads were recorded and whose data left: {@code person} is who signed in,
 * {@code actingForId} the child or enterprise it was for (null for oneself). Published in process only.
 */
public record PrefillCompleted(String formId, String person, String actingForId) { }
