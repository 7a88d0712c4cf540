/**
 * Every sentence users see, in English and French: {@link com.charterbot.core.i18n.Messages} reads
 * the {@code messages} bundles. Features ask for a key and a language, never build sentences.
 */
package com.charterbot.core.i18n;
