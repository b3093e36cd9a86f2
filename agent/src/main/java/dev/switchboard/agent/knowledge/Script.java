package dev.switchboard.agent.knowledge;

/** The writing system most of a text's letters are in; the English-only model treats the two very differently. */
enum Script {
    LATIN, CYRILLIC;

    static Script of(String text) {
        int letters = 0;
        int cyrillic = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                    cyrillic++;
                }
            }
        }
        return letters > 0 && cyrillic * 2 >= letters ? CYRILLIC : LATIN;
    }
}
