/**
 * One pipeline for every command: {@code source (scan | template | file | bundled) → snapshot →
 * derive → evaluate → findings → waivers, diff → render}, run from an {@link
 * io.tenken.pipeline.AnalysisConfig} value; the CLI only parses options into one and prints.
 */
package io.tenken.pipeline;
