package dev.tandem.render.conformity;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** The label's QR code: ZXing, error correction M, a four-module quiet zone, drawn {@value #MODULE} units per module. */
final class QrCode {

    /** Pixels per QR module in the PNG and user units per module in the SVG. */
    static final int MODULE = 6;
    /** Height of one text line above the code. */
    static final int LINE_HEIGHT = 20;
    private static final int QUIET_ZONE = 4;

    private QrCode() {
    }

    static BitMatrix encode(String url) {
        try {
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the registry URL cannot be encoded as a QR code: " + e.getMessage(), e);
        }
    }

    /** Width of the drawing: the code, or 360 units when the text needs more. */
    static int width(BitMatrix matrix) {
        return Math.max(matrix.getWidth() * MODULE, 360);
    }

    /** Height of the text block above the code. */
    static int textHeight(int lines) {
        return LINE_HEIGHT * lines + 10;
    }
}
