package org.tongxin.projects;

/** An uploaded evidence file before it is checked: the name the user gave and the bytes. */
public record Evidence(String fileName, byte[] bytes) {
}
