/**
 * Text as users send it, made safe once at the core's door: {@link com.charterbot.core.text.UserText}
 * caps length and removes format and control characters; {@link com.charterbot.core.text.Tokens}
 * splits words. Every function here is linear in the text's length.
 */
package com.charterbot.core.text;
