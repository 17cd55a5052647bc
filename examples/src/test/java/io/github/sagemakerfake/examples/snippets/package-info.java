/**
 * The Java snippets of README.md and docs/*.md, as compiled and running tests: one subpackage per
 * document. {@code SnippetsAreCompiledTest} fails the build when a snippet of the docs is not found
 * verbatim in a file here, so a snippet can only change together with code that compiles and passes.
 */
package io.github.sagemakerfake.examples.snippets;
