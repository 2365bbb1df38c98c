package dev.kroll.remote;

import com.jcraft.jsch.Identity;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * SSHJ {@code publickey} authentication with a key held by ssh-agent: the agent (reached through JSch's agent
 * client) signs, the private key never enters kroll. SSHJ 0.40 has no agent support of its own.
 */
final class AgentAuth extends AbstractAuthMethod {

    private final Identity identity;
    private final KeyType keyType;
    private String algorithm;

    AgentAuth(Identity identity) {
        super("publickey");
        this.identity = identity;
        this.keyType = KeyType.fromString(identity.getAlgName());
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd == Message.USERAUTH_60) {
            // PK_OK: the server would take this key; now send the same request with the agent's signature.
            SSHPacket req = request(true);
            byte[] toSign = new Buffer.PlainBuffer().putString(params.getTransport().getSessionID()).putBuffer(req).getCompactData();
            byte[] signature = identity.getSignature(toSign, algorithm);
            if (signature == null) {
                throw new UserAuthException("ssh-agent refused to sign with " + identity.getName());
            }
            params.getTransport().write(req.putBytes(signature));
        } else {
            super.handle(cmd, buf);
        }
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        if (algorithm == null) {
            algorithm = algorithm();
        }
        return super.buildReq().putBoolean(signed).putString(algorithm).putBytes(identity.getPublicKeyBlob());
    }

    /** For RSA the negotiated SHA-2 variant (OpenSSH refuses SHA-1 {@code ssh-rsa} signatures). */
    private String algorithm() throws UserAuthException {
        try {
            List<com.hierynomus.sshj.key.KeyAlgorithm> candidates = params.getTransport().getClientKeyAlgorithms(keyType);
            return candidates.isEmpty() ? identity.getAlgName() : candidates.get(0).getKeyAlgorithm();
        } catch (TransportException e) {
            throw new UserAuthException(e);
        }
    }

    @Override
    public String toString() {
        return "ssh-agent key " + identity.getName();
    }
}
