import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent into a running JVM with an option string: {@code java Attach.java <pid> <library> <options>}.
 * The harness uses it to start and stop async-profiler on the bus during a measured run ({@code PROFILER} in run.sh);
 * {@code jcmd <pid> JVMTI.agent_load} cannot pass an option string holding '=' (it parses it as a named argument).
 */
public class Attach {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java Attach.java <pid> <agent library> <agent options>");
            System.exit(2);
        }
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
