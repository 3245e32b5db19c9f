Main.java
public class Main { /* c */ public static void main(String[] a) { char c = '\n'; String s = "x\"y"; System.out.println(s + c + 0x1F); } }
