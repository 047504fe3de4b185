package org.tongxin.projects;

/** A stored evidence file as it is served: its name, the content type its bytes were recognised as, the bytes. */
public record EvidenceFile(AttachmentId id, String fileName, String contentType, String sha256, byte[] bytes) {
}
