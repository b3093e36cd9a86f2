package dev.switchboard.agent.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text into the terms of the lexical index: words and numbers, lower case, stop words
 * dropped, and a light stemmer for English and Russian (strip a common inflectional ending, then
 * keep at most six letters). Crude on purpose: it only has to make "бани" meet "баня" and
 * "charging" meet "charge", which the English-only embedding model cannot do for Russian.
 */
final class TextAnalyzer {

    private static final int STEM_LENGTH = 6;
    private static final int MIN_STEM = 3;

    private static final Set<String> STOP_WORDS = Set.copyOf(java.util.List.of(
            "a", "an", "the", "is", "are", "was", "be", "to", "of", "in", "on", "at", "for", "and", "or", "do",
            "does", "did", "you", "your", "i", "my", "me", "we", "our", "us", "can", "could", "what", "when",
            "which", "how", "where", "who", "it", "its", "there", "this", "that", "with", "have", "has", "from",
            "if", "will", "would", "much", "many", "any", "some", "please", "about", "get", "s", "it's", "what's",
            "и", "в", "во", "на", "с", "со", "к", "ко", "по", "за", "из", "у", "о", "об", "от", "до", "не", "ли",
            "а", "но", "что", "как", "где", "когда", "какой", "какая", "какое", "какие", "можно", "есть", "я",
            "мы", "вы", "вас", "нас", "мне", "меня", "для", "это", "же", "бы", "если", "то", "сколько", "ли",
            "ваш", "ваша", "ваши", "у", "мой", "моя", "пожалуйста", "ещё", "еще", "будет", "нужно", "нужна",
            "нужен", "нужны", "ну", "так", "там", "тут", "все", "всё"));

    /** Longest first, so that "ами" wins over "и". */
    private static final String[] RUSSIAN_ENDINGS = sortedLongestFirst(
            "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "ьей", "иях", "ях", "ах",
            "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ей", "ом", "ем", "ам", "ям", "ов", "ев",
            "ую", "юю", "ют", "ут", "ет", "ит", "ат", "ят", "ть", "ться", "тся", "ешь", "ишь",
            "ся", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й");

    private TextAnalyzer() {
    }

    private static String[] sortedLongestFirst(String... endings) {
        return java.util.Arrays.stream(endings).distinct()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toArray(String[]::new);
    }

    /** The index terms of a text, in order, repeats kept. */
    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        for (String token : tokens(text)) {
            if (!STOP_WORDS.contains(token)) {
                terms.add(stem(token));
            }
        }
        return terms;
    }

    /** Words (letters, digits, inner apostrophes) and numbers with inner {@code : . ,} such as 14:00 or 1.90. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        int i = 0;
        int n = lower.length();
        while (i < n) {
            char c = lower.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(lower.charAt(i)) || joins(lower, i))) {
                i++;
            }
            tokens.add(lower.substring(start, i));
        }
        return tokens;
    }

    /** A separator inside a number (14:00, 1.90, 3,5) or an apostrophe inside a word. */
    private static boolean joins(String text, int i) {
        char c = text.charAt(i);
        if (i == 0 || i + 1 >= text.length()) {
            return false;
        }
        char before = text.charAt(i - 1);
        char after = text.charAt(i + 1);
        if (c == ':' || c == '.' || c == ',') {
            return Character.isDigit(before) && Character.isDigit(after);
        }
        return (c == '\'' || c == '’') && Character.isLetter(before) && Character.isLetter(after);
    }

    static String stem(String token) {
        if (Character.isDigit(token.charAt(0))) {
            return token;
        }
        String stem = isCyrillic(token) ? stripRussian(token) : stripEnglish(token);
        return stem.length() > STEM_LENGTH ? stem.substring(0, STEM_LENGTH) : stem;
    }

    private static String stripRussian(String word) {
        for (String ending : RUSSIAN_ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= MIN_STEM) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    private static String stripEnglish(String word) {
        String w = word.endsWith("'s") || word.endsWith("’s") ? word.substring(0, word.length() - 2) : word;
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("ing") && w.length() > 5) {
            w = w.substring(0, w.length() - 3);
        } else if (w.endsWith("ed") && w.length() > 4) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("es") && w.length() > 4) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("e") && w.length() > MIN_STEM + 1) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static boolean isCyrillic(String word) {
        return Character.UnicodeBlock.of(word.charAt(0)) == Character.UnicodeBlock.CYRILLIC;
    }
}
