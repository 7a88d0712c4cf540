/**
 * What the bot keeps about a person, across features. Outbound ports:
 * {@link com.charterbot.core.people.LanguagePreferences} (the reply language chosen with
 * {@code lang}) and {@link com.charterbot.core.people.PersonalData}, which every store that holds
 * something about a person implements, so that {@code forget me} erases it everywhere.
 */
package com.charterbot.core.people;
