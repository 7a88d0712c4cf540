package com.charterbot.teams;

import com.charterbot.core.text.UserText;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Media;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a Teams activity, as Teams really sends it: where it happened, who sent it, and what they sent.
 *
 * <ul>
 *   <li><b>Where.</b> The tenant (the conversation's, else the channel data's, else the configured
 *       one), the conversation without a thread's {@code ;messageid=}, whether it is a personal
 *       chat, a team channel or a group chat, and its name ({@link Where}).
 *   <li><b>Who.</b> The person's Entra object id (else their Teams id) in the tenant; never an
 *       administrator as far as Teams can tell ({@link #admin}).
 *   <li><b>Text.</b> The bot's own mention is removed wherever it is, found through the activity's
 *       {@code mention} entities (their {@code text} is the exact markup, {@code <at>Charter</at>});
 *       mentions of other people that only lead the message are dropped too ("@Alice @Charter quiz"
 *       is "quiz"), those inside it become the person's name as plain text. Markup is removed, HTML
 *       entities decoded, and every kind of space (Teams puts a no-break space after a mention) is a
 *       plain space.
 *   <li><b>Pictures.</b> A message carries one when an attachment is an image ({@code image/*}, a
 *       pasted or inline picture) or a file whose type is a picture format.
 *   <li><b>Language.</b> The activity's {@code locale}, else the {@code clientInfo} entity's, which
 *       installation and conversation updates from some clients carry alone.
 * </ul>
 */
final class Incoming {

    /** A tag cannot run past the next '<' ({@code [^<>]}, not {@code [^>]}): "&lt;a&lt;a&lt;a..." is read once, not once per '&lt;'. */
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>");
    /** Most mentions read from one message: each one is a pass over the text. */
    static final int MAX_MENTIONS = 20;

    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");
    /** Stands for a mention of someone else while the text is cleaned: private-use characters no client sends. */
    private static final char MARK_START = '\uE000';

    private static final char MARK_END = '\uE001';
    private static final Pattern MARK = Pattern.compile(MARK_START + "(\\d{1,3})" + MARK_END);
    private static final Pattern LEADING_MARKS = Pattern.compile("^(?:" + MARK_START + "\\d{1,3}" + MARK_END + " ?)+");
    private static final String FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info";

    private Incoming() {}

    /** How an activity's conversation is shared. */
    enum Scope {
        PERSONAL,
        CHANNEL,
        GROUP_CHAT
    }

    /** Where an activity happened. {@code conversation} is the channel without a thread's {@code ;messageid=}. */
    record Where(String tenant, ChannelRef conversation, Scope scope, String name) {}

    /** Where the activity happened; {@code configuredTenant} is its tenant when the activity names none. */
    static Where where(Activity activity, String configuredTenant) {
        TeamsChannelData data = channelData(activity);
        ConversationAccount conversation = activity.getConversation();
        String tenant = firstText(
                conversation.getTenantId(),
                data == null || data.getTenant() == null
                        ? null
                        : data.getTenant().getId(),
                configuredTenant,
                "default");
        String type = conversation.getConversationType() == null ? "" : conversation.getConversationType();
        Scope scope;
        if (type.equals("channel")
                || data != null && data.getTeam() != null && !type.equals("personal") && !type.equals("groupChat")) {
            scope = Scope.CHANNEL;
        } else if (type.equals("groupChat") || !type.equals("personal") && conversation.isGroup()) {
            scope = Scope.GROUP_CHAT;
        } else {
            scope = Scope.PERSONAL;
        }
        String name = scope == Scope.CHANNEL
                        && data != null
                        && data.getTeam() != null
                        && data.getTeam().getName() != null
                ? data.getTeam().getName()
                : conversation.getName() == null ? "" : conversation.getName();
        ChannelRef ref = new ChannelRef(Platform.TEAMS, tenant, baseId(conversation.getId()));
        return new Where(tenant, ref, scope, name);
    }

    /** The tenant ids an activity names (the conversation's and the channel data's), absent ones left out. */
    static List<String> tenants(Activity activity) {
        TeamsChannelData data = channelData(activity);
        return Stream.of(
                        activity.getConversation() == null
                                ? null
                                : activity.getConversation().getTenantId(),
                        data == null || data.getTenant() == null
                                ? null
                                : data.getTenant().getId())
                .filter(id -> id != null && !id.isBlank())
                .map(String::strip)
                .toList();
    }

    /** A conversation id without a thread's {@code ;messageid=}. */
    static String baseId(String conversationId) {
        int thread = conversationId.indexOf(";messageid=");
        return thread < 0 ? conversationId : conversationId.substring(0, thread);
    }

    /** The Teams channel data of the activity, or null. */
    static TeamsChannelData channelData(Activity activity) {
        if (activity.getChannelData() == null) {
            return null;
        }
        return Serialization.getAs(activity.getChannelData(), TeamsChannelData.class);
    }

    /** The channel data's {@code eventType} (a channel renamed, a message edited...), or empty. */
    static String eventType(Activity activity) {
        TeamsChannelData data = channelData(activity);
        return data == null || data.getEventType() == null ? "" : data.getEventType();
    }

    /** The activity's {@code value} (what a card's action sent, an invoke's payload) as JSON, or null. */
    static JsonNode value(Activity activity) {
        return activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
    }

    /** The person who sent the activity: their Entra object id, else their Teams id, in the activity's tenant. */
    static UserRef user(Activity activity, Where where) {
        ChannelAccount from = activity.getFrom();
        String id = firstText(from.getAadObjectId(), from.getId());
        return new UserRef(Platform.TEAMS, where.tenant(), id);
    }

    /** The clicking person's name as Teams gives it, or empty. */
    static String name(Activity activity) {
        return activity.getFrom() == null || activity.getFrom().getName() == null
                ? ""
                : activity.getFrom().getName();
    }

    /**
     * Whether the platform says the person is an administrator: never, for Teams. Activities do not
     * tell who owns a team; only Microsoft Graph does, with a resource-specific permission the bot
     * does not ask for. Charter administrators are configured by Entra object id
     * ({@code charter.admins.teams-user-ids}, {@code charter.teams.admin-user-ids}) in the core.
     */
    static boolean admin(Activity activity) {
        return false;
    }

    /** What a person entered in a card's inputs: Teams merges them into the action's data, beside the bot's own keys. */
    static Map<String, String> inputs(JsonNode data) {
        Map<String, String> inputs = new LinkedHashMap<>();
        if (data == null || !data.isObject()) {
            return inputs;
        }
        data.properties().forEach(field -> {
            String key = field.getKey();
            if (field.getValue().isValueNode()
                    && !key.equals(AdaptiveCardRenderer.DATA_ACTION_ID)
                    && !key.equals(AdaptiveCardRenderer.DATA_VALUE)
                    && !key.equals(AdaptiveCardRenderer.DATA_PERSONAL)
                    && inputs.size() < 20) {
                inputs.put(key, field.getValue().asText());
            }
        });
        return inputs;
    }

    private static String firstText(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    /** A mention in the activity: who, and the markup standing for them in the text. */
    private record Mention(String id, String markup) {}

    /** The message's text as the core should read it, at most {@code max} characters. */
    static String text(Activity activity, int max) {
        String text = activity.getText() == null ? "" : activity.getText();
        if (text.length() > max * 2) {
            text = text.substring(0, max * 2);
        }
        text = text.replace(MARK_START, ' ').replace(MARK_END, ' ');
        String botId =
                activity.getRecipient() == null ? null : activity.getRecipient().getId();
        List<String> others = new ArrayList<>();
        for (Mention mention : mentions(activity)) {
            if (sameAccount(mention.id(), botId)) {
                text = text.replace(mention.markup(), " ");
            } else if (!others.contains(mention.markup())) {
                others.add(mention.markup());
            }
        }
        String botName =
                activity.getRecipient() == null ? null : activity.getRecipient().getName();
        if (botName != null && !botName.isBlank()) {
            // Some clients and forwarded messages carry the mention markup without its entity.
            text = text.replace("<at>" + botName + "</at>", " ");
        }
        for (int index = 0; index < others.size(); index++) {
            text = text.replace(others.get(index), " " + MARK_START + index + MARK_END + " ");
        }
        text = TAG.matcher(text).replaceAll(" ");
        text = decode(text);
        text = UserText.oneLine(text);
        text = LEADING_MARKS.matcher(text).replaceFirst("");
        Matcher marks = MARK.matcher(text);
        StringBuilder named = new StringBuilder();
        while (marks.find()) {
            int index = Integer.parseInt(marks.group(1));
            String name = index < others.size() ? plain(others.get(index)) : "";
            marks.appendReplacement(named, Matcher.quoteReplacement(name));
        }
        marks.appendTail(named);
        text = UserText.oneLine(named.toString());
        return text.length() > max ? text.substring(0, max) : text;
    }

    /**
     * An HTML message body (a message a message action was used on) as text: tags removed, a link
     * kept as its address next to its text, paragraphs and line breaks as new lines, entities
     * decoded, at most {@code max} characters. One pass over the HTML, without regular expressions
     * on it: each character is read at most twice.
     */
    static String plain(String html, int max) {
        String source = html.length() > max * 2 ? html.substring(0, max * 2) : html;
        StringBuilder text = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c != '<') {
                text.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < source.length() && source.charAt(end) != '>' && source.charAt(end) != '<') {
                end++;
            }
            if (end >= source.length() || source.charAt(end) == '<') {
                text.append(c);
                i++;
                continue;
            }
            String tag = source.substring(i + 1, end).toLowerCase(Locale.ROOT);
            String href = tag.startsWith("a ") || tag.startsWith("a\t") || tag.startsWith("a\n")
                    ? attribute(source.substring(i + 1, end), "href")
                    : "";
            text.append(' ').append(href);
            String name = tag.startsWith("/") ? tag.substring(1) : tag;
            boolean block = name.startsWith("p") && (name.length() == 1 || !Character.isLetter(name.charAt(1)))
                    || name.startsWith("br")
                    || name.startsWith("div")
                    || name.startsWith("li");
            text.append(block ? '\n' : ' ');
            i = end + 1;
        }
        String decoded = tidy(UserText.received(decode(text.toString())));
        return decoded.length() > max ? decoded.substring(0, max) : decoded;
    }

    /** Runs of spaces as one, lines without spaces at their ends, no empty lines. */
    private static String tidy(String text) {
        StringBuilder tidy = new StringBuilder(text.length());
        boolean space = false;
        boolean newline = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                newline = tidy.length() > 0;
                space = false;
            } else if (c == ' ' || c == '\t') {
                space = tidy.length() > 0 && !newline;
            } else {
                tidy.append(newline ? "\n" : space ? " " : "");
                tidy.append(c);
                newline = false;
                space = false;
            }
        }
        return tidy.toString();
    }

    /** The value of an attribute of a tag ({@code href="..."}), or empty. */
    private static String attribute(String tag, String name) {
        String lower = tag.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(name + "=");
        if (at < 0 || at + name.length() + 1 >= tag.length()) {
            return "";
        }
        int start = at + name.length() + 1;
        char quote = tag.charAt(start);
        if (quote != '"' && quote != '\'') {
            int end = start;
            while (end < tag.length() && !Character.isWhitespace(tag.charAt(end))) {
                end++;
            }
            return tag.substring(start, end);
        }
        int end = tag.indexOf(quote, start + 1);
        return end < 0 ? "" : tag.substring(start + 1, end);
    }

    /** Whether one of the message's attachments is a picture. */
    static boolean hasImage(Activity activity) {
        List<Attachment> attachments = activity.getAttachments();
        if (attachments == null) {
            return false;
        }
        for (Attachment attachment : attachments) {
            String type = attachment == null || attachment.getContentType() == null
                    ? ""
                    : attachment.getContentType().toLowerCase(Locale.ROOT);
            String fileType = type.equals(FILE_DOWNLOAD_INFO) && attachment.getContent() != null
                    ? Serialization.objectToTree(attachment.getContent())
                            .path("fileType")
                            .asText("")
                    : "";
            if (Media.of(type, fileType).filter(Media.PICTURE::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The language of the person's client: the activity's locale, else its {@code clientInfo} entity's. */
    static Optional<Language> language(Activity activity) {
        Optional<Language> language = Language.fromTag(activity.getLocale());
        if (language.isPresent() || activity.getEntities() == null) {
            return language;
        }
        for (Entity entity : activity.getEntities()) {
            if (entity != null && "clientInfo".equalsIgnoreCase(entity.getType())) {
                JsonNode info = Serialization.objectToTree(entity);
                Optional<Language> client = Language.fromTag(info.path("locale").asText(null));
                if (client.isPresent()) {
                    return client;
                }
            }
        }
        return Optional.empty();
    }

    private static List<Mention> mentions(Activity activity) {
        List<Mention> mentions = new ArrayList<>();
        if (activity.getEntities() == null) {
            return mentions;
        }
        for (Entity entity : activity.getEntities()) {
            if (mentions.size() >= MAX_MENTIONS) {
                break;
            }
            if (entity == null || !"mention".equalsIgnoreCase(entity.getType())) {
                continue;
            }
            JsonNode mention = Serialization.objectToTree(entity);
            String markup = mention.path("text").asText("");
            if (!markup.isEmpty()) {
                mentions.add(new Mention(mention.path("mentioned").path("id").asText(""), markup));
            }
        }
        return mentions;
    }

    /** Whether two Teams account ids are the same account; a bot's id is {@code 28:<app id>}, sometimes sent without the prefix. */
    private static boolean sameAccount(String a, String b) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return false;
        }
        return withoutPrefix(a).equalsIgnoreCase(withoutPrefix(b));
    }

    private static String withoutPrefix(String id) {
        return id.startsWith("28:") ? id.substring(3) : id;
    }

    /** The person's name in a mention's markup. */
    private static String plain(String markup) {
        return UserText.oneLine(decode(TAG.matcher(markup).replaceAll(" ")));
    }

    /** HTML entities as text: the named ones Teams uses, and numeric ones. */
    private static String decode(String text) {
        String named = text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&apos;", "'");
        Matcher numeric = NUMERIC_ENTITY.matcher(named);
        StringBuilder decoded = new StringBuilder();
        while (numeric.find()) {
            String digits = numeric.group(1);
            int code;
            try {
                code = digits.startsWith("x") ? Integer.parseInt(digits.substring(1), 16) : Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                code = -1;
            }
            String replacement = Character.isValidCodePoint(code)
                            && code != 0
                            && (code < 0xD800 || code > 0xDFFF)
                            && (code < MARK_START || code > MARK_END)
                    ? new String(Character.toChars(code))
                    : " ";
            numeric.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        numeric.appendTail(decoded);
        return decoded.toString().replace("&amp;", "&");
    }
}
