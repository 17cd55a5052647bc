package io.github.sagemakerfake.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * Netty's aggregator with the server's answers: a body over the limit gets the AWS-shaped 413
 * (and the connection closes, so its rest is never read), an unsupported {@code Expect} the
 * AWS-shaped 417. Netty's own are bodiless.
 */
final class JsonAggregator extends HttpObjectAggregator {

    private final int maxBodyBytes;

    JsonAggregator(int maxBodyBytes) {
        super(maxBodyBytes, true);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (!(response instanceof HttpResponse http) || http.status().code() == 100) {
            return response;
        }
        int status = http.status().code();
        ReferenceCountUtil.release(response);
        return status == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code() ? tooLarge(pipeline.channel())
                : WireAnswers.refusal(HttpConnection.requestId(pipeline.channel()), 417, "ExpectationFailed", "This server answers Expect: 100-continue only; "
                        + "send the request without that Expect header.");
    }

    @Override
    protected boolean closeAfterContinueResponse(Object msg) {
        return msg instanceof HttpResponse http && http.status().code() >= 400;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        HttpConnection connection = HttpConnection.of(ctx.channel());
        if (connection != null) {
            connection.refuse(tooLarge(ctx.channel()));
        } else {
            ctx.writeAndFlush(tooLarge(ctx.channel())).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private io.netty.handler.codec.http.FullHttpResponse tooLarge(io.netty.channel.Channel channel) {
        return WireAnswers.refusal(HttpConnection.requestId(channel), 413, "SerializationException", "The request body is larger than " + maxBodyBytes
                + " bytes; this server accepts at most " + maxBodyBytes + " bytes (--max-body-bytes). No valid "
                + "SageMaker workforce request comes near that size.");
    }
}
