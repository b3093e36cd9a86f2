package dev.switchboard.channel.whatsapp.greenapi.model;

/**
 * Green API's {@code stateInstance} values and what each asks of the person who owns the instance.
 * Only {@code authorized} can send and receive.
 */
public final class InstanceStates {

    public static final String AUTHORIZED = "authorized";
    public static final String STARTING = "starting";

    private InstanceStates() {
    }

    public static boolean operational(String state) {
        return AUTHORIZED.equals(state);
    }

    /** A sentence a person can act on, for every state but {@code authorized}. */
    public static String whatToDo(String state) {
        if (state == null || state.isBlank()) {
            return "the Green API instance is not ready yet (no state): wait a few minutes after creating it, "
                    + "then connect again";
        }
        return switch (state) {
            case AUTHORIZED -> "the Green API instance is authorized";
            case "notAuthorized" -> "the Green API instance is not linked to a phone (notAuthorized): open the "
                    + "instance in the Green API console and scan its QR code with WhatsApp on the business phone";
            case "blocked" -> "WhatsApp has banned the number of this Green API instance (blocked): the number "
                    + "cannot be used; link another phone to the instance in the Green API console";
            case "sleepMode" -> "the phone of this Green API instance is offline (sleepMode): turn it on and "
                    + "connect it to the internet";
            case STARTING -> "the Green API instance is starting (this takes up to 5 minutes): try again shortly";
            case "yellowCard" -> "WhatsApp suspended sending from this number for suspected spam (yellowCard): "
                    + "reboot the instance in the Green API console and send less to people who did not write first";
            default -> "the Green API instance is in state " + state + ", which cannot send: check it in the "
                    + "Green API console";
        };
    }
}
