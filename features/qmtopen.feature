Feature: AT+QMTOPEN — open a network connection for the MQTT client (spec 3.3.2)

  The module opens a TCP connection to the broker and reports the result as a URC within the
  maximum response time of 120 s, after the command's OK (the note prints OK first). Host names
  are sent quoted, as both examples do.

  Readings (src/variants/readings.ts): open-out-of-range, A22 (the query prints <host_name> quoted, as the examples
  do, or bare, as the syntax line does); open-bad-host (a host name that is no name: result 4, 1
  or -1, or ERROR at once). A name that does not resolve is result 4: the note names that event.

  Arguments outside the documented ranges (<port> 1~65535, <host_name> at most 100 bytes) are
  refused with ERROR at once, or the command runs and reports <result> 1 "wrong parameter"
  (reading open-out-of-range); either way no connection is made. Every other outcome is a
  <result> in +QMTOPEN, provoked here for real: a port where nothing listens (-1), a host name
  that is no name at all (1), a client already open (2), a name under the reserved top-level
  domain ".invalid" that never resolves (RFC 6761) (4).

  Two results cannot be provoked from the broker side against a real module: PDP activation
  failure (3) and a network that is down (5). The simulated module has only PDP context 1 active
  and never leaves loopback (src/sim/mqtt/README.md), so those two scenarios are @simulator-only.

  Rule: The test form lists the client range, the host name and the port range

    @spec:3.3.2:test
    Scenario: AT+QMTOPEN=? reports the supported ranges
      When the host sends AT+QMTOPEN=?
      Then the module answers:
        """
        +QMTOPEN: (0-5),"hostname",(1-65535)
        OK
        """

  Rule: A successful open answers OK, then +QMTOPEN: <client_idx>,0, and a TCP connection reaches the broker

    @spec:3.3.2:set @spec:3.3.2:result=0 @spec:3.3.2:max-response-time
    Scenario: Client 0 opens a connection to the broker fixture
      When the host sends AT+QMTOPEN=0,"{host}",{port}
      Then the module answers OK
      And the module reports +QMTOPEN: 0,0
      And the broker has seen 1 connection from the module

    @spec:3.3.2:set @spec:3.3.2:result=0 @spec:3.3.2:query
    Scenario: Client 5 opens a connection and the query lists it
      When the host sends AT+QMTOPEN=5,"{host}",{port}
      Then the module answers OK
      And the module reports +QMTOPEN: 5,0
      When the host sends AT+QMTOPEN?
      Then by reading A22 the module answers one of:
        | quoted | +QMTOPEN: 5,"{host}",{port} |
        | bare   | +QMTOPEN: 5,{host},{port}   |

  Rule: The result URC follows the command's OK

    # The note prints OK, then +QMTOPEN (3.3.2, example 5.1). A host driver that reads the answer up
    # to OK and then waits for the result hangs on a module that prints the result first.
    @spec:3.3.2:set @spec:3.3.2:result=0
    Scenario: AT+QMTOPEN answers OK before it reports +QMTOPEN: 0,0
      When the host sends AT+QMTOPEN=0,"{host}",{port}
      Then the module answers OK before it reports +QMTOPEN: 0,0

  Rule: <port> is 1~65535

    @spec:3.3.2:port:range
    Scenario Outline: Port <port> is accepted and dialled
      # Nothing listens on these ports on the broker host: the module must try, then report -1.
      When the host sends AT+QMTOPEN=0,"{host}",<port>
      Then the module answers OK
      And the module reports +QMTOPEN: 0,-1

      Examples: in range
        | port |
        | 1    |

    @spec:3.3.2:port:range
    Scenario Outline: Port <port> is refused with ERROR
      When the host sends AT+QMTOPEN=0,"{host}",<port>
      Then by reading open-out-of-range the module answers ERROR (error), or OK and reports one of:
        | 1 | +QMTOPEN: 0,1 |
      And no +QMTOPEN: 0,0 URC arrives within 5 seconds
      And the broker has seen 0 connections from the module

      Examples: out of range or not a number
        | port  |
        | 0     |
        | 65536 |
        | -1    |
        | x     |

  Rule: <host_name> is an IP address or a domain name of at most 100 bytes

    # The names end in ".invalid" (RFC 6761), so the one that is accepted resolves nowhere: result 4.
    @spec:3.3.2:host_name:length @spec:3.3.2:result=4
    Scenario Outline: A host name of <bytes> bytes is accepted
      When the host sends AT+QMTOPEN=0,"<host>",{port}
      Then the module answers OK
      And the module reports +QMTOPEN: 0,4

      Examples: in range
        | bytes | host                           |
        | 100   | {text:40}.{text:51}.invalid    |
        | 17    | qmt-broker.invalid             |

    @spec:3.3.2:host_name:length
    Scenario Outline: A host name of <bytes> bytes is refused with ERROR
      When the host sends AT+QMTOPEN=0,"<host>",{port}
      Then by reading open-out-of-range the module answers ERROR (error), or OK and reports one of:
        | 1 | +QMTOPEN: 0,1 |
      And no +QMTOPEN: 0,0 URC arrives within 5 seconds
      And the broker has seen 0 connections from the module

      Examples: out of range
        | bytes | host                         |
        | 101   | {text:40}.{text:52}.invalid  |
        | 0     |                              |

  Rule: Every failure to open is reported with its <result>, and leaves the client closed

    @spec:3.3.2:result=-1
    Scenario: A port where nothing listens ends in +QMTOPEN: 0,-1
      Given a port where nothing listens, named {refused-port}
      When the host sends AT+QMTOPEN=0,"{host}",{refused-port}
      Then the module answers OK
      And the module reports +QMTOPEN: 0,-1
      And the broker has seen 0 connections from the module
      When the host sends AT+QMTOPEN?
      Then the module answers:
        """
        OK
        """

    @spec:3.3.2:result=1
    Scenario: A host name that is neither an IP address nor a domain name ends in +QMTOPEN: 0,1
      When the host sends AT+QMTOPEN=0,"qmt broker#1",{port}
      Then by reading open-bad-host the module answers ERROR (error), or OK and reports one of:
        | 4  | +QMTOPEN: 0,4  |
        | 1  | +QMTOPEN: 0,1  |
        | -1 | +QMTOPEN: 0,-1 |
      And the broker has seen 0 connections from the module

    @spec:3.3.2:result=2
    Scenario: Opening client 0 a second time ends in +QMTOPEN: 0,2 and keeps the first connection
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTOPEN=0,"{host}",{port}
      Then the module answers OK
      And the module reports +QMTOPEN: 0,2
      And the broker has seen 1 connection from the module
      And the module's connection to the broker is still open

    @spec:3.3.2:result=4
    Scenario: A domain name that does not resolve ends in +QMTOPEN: 0,4
      When the host sends AT+QMTOPEN=0,"qmt-broker.invalid",{port}
      Then the module answers OK
      And the module reports +QMTOPEN: 0,4
      And the broker has seen 0 connections from the module

    # Simulator-specific: only PDP context 1 is active in the simulated module, so a client
    # configured for context 2 cannot activate its PDP. A real module may well have context 2.
    @spec:3.3.2:result=3 @simulator-only @sub-option:pdpcid
    Scenario: A client bound to an inactive PDP context ends in +QMTOPEN: 0,3
      When the host sends AT+QMTCFG="pdpcid",0,2
      Then the module answers OK
      When the host sends AT+QMTOPEN=0,"{host}",{port}
      Then the module answers OK
      And the module reports +QMTOPEN: 0,3
      And the broker has seen 0 connections from the module

    # The network is taken away by switching the radio off (AT+CFUN=4, 3GPP 27.007 flight mode).
    # How a real firmware reports an open without radio varies (result 3 or 5 are both
    # plausible), so this provocation is only claimed for the simulated module.
    @spec:3.3.2:result=5 @simulator-only
    Scenario: With the radio switched off, an open ends in +QMTOPEN: 0,5
      When the host sends AT+CFUN=4
      Then the module answers OK
      When the host sends AT+QMTOPEN=0,"{host}",{port}
      Then the module answers OK
      And the module reports +QMTOPEN: 0,5
      And the broker has seen 0 connections from the module
