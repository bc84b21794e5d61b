Feature: AT+QMTCONN — connect a client to the MQTT server (spec 3.3.4)

  Once the network is open (AT+QMTOPEN), AT+QMTCONN sends CONNECT with the client id and the
  optional user name and password, answers OK, then +QMTCONN: <client_idx>,<result>[,<ret_code>]
  within <pkt_timeout>. <ret_code> is the CONNACK return code: every refusal (1~5) is provoked by
  the broker fixture answering CONNECT with that code; MQTT 3.1.1 §3.2.2.3 then makes the server
  close the network, which the module reports as +QMTSTAT: <client_idx>,1 or 4 (reading
  stat-refused: table 4 code 4's solution names wrong credentials and a client id in use).

  What CONNECT carries comes from AT+QMTCFG (spec 3.3.1): "version" sets the protocol name and
  level (3 = MQTT 3.1, "MQIsdp"/3; 4 = MQTT 3.1.1, "MQTT"/4), "session" the Clean Session flag,
  "keepalive" the Keep Alive, "will" the Will flag, QoS, Retain, topic and message. The broker
  checks each on the wire.

  AT+QMTCONN? reports <state> 1~4 per client with an open network. States 1, 2 and 3 are provoked:
  2 by withholding CONNACK and asking before <pkt_timeout> runs out. State 4 ("disconnecting")
  lasts only while AT+QMTDISC sends DISCONNECT; the simulated module does that within the same
  command, so no AT+QMTCONN? can observe it there, and a real module gives no way to hold it.
  It is provoked by a server that keeps the link open after DISCONNECT; a module that closes its
  network right after DISCONNECT (MQTT 3.1.1 §3.14.4) lists no state then (reading disc-state).

  A CONNACK that never comes is ambiguity A3: figure 1 pairs CONNECT with Excep1 (the TCP link
  is torn down: +QMTSTAT: <client_idx>,4, no <result>), while §3.3.4 lists <result> 1
  "retransmission" and 2 "failed to send". Scenarios for each reading carry @reading:A3=<value>
  and start by observing which one the module takes.

  Readings (src/variants/readings.ts): A3, A20, conn-ret-code (+QMTCONN: 0,0 without <ret_code>
  for an accepted connection; a refusal always carries its code), stat-refused, disc-state,
  stat-connect-exhausted (code 3 or 4 once every CONNECT went unanswered), conn-unopened
  (AT+QMTCONN without a network: ERROR, or OK and +QMTCONN: <idx>,2).

  Rule: The test form lists the client range and the parameters

    @spec:3.3.4:test
    Scenario: AT+QMTCONN=? reports the supported client range and the parameter names
      When the host sends AT+QMTCONN=?
      Then the module answers:
        """
        +QMTCONN: (0-5),"clientid","username","password"
        OK
        """

  Rule: A CONNECT carrying the client id, the credentials and the configured keep-alive is accepted with +QMTCONN: <idx>,0,0

    @spec:3.3.4:set @spec:3.3.4:result=0 @spec:3.3.4:ret_code=0 @spec:3.3.4:credentials @spec:3.3.4:max-response-time
    @spec:3.3.1:keepalive:keep_alive_time:default
    Scenario: Client 0 connects with a client id, user name and password
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCONN=0,"qmt-device-01","qa-user","{password}"
      Then the module answers OK
      And the module reports +QMTCONN: 0,0,0
      And the broker receives a CONNECT with:
        | client id  | qmt-device-01 |
        | user name  | qa-user       |
        | password   | {password}    |
        | keep-alive | 120           |

    @spec:3.3.4:set @spec:3.3.4:result=0 @spec:3.3.4:credentials
    Scenario: Client 0 connects with a client id only, and CONNECT carries no credentials
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCONN=0,"qmt-device-03"
      Then the module answers OK
      And the module reports +QMTCONN: 0,0,0
      And the broker receives a CONNECT with:
        | client id | qmt-device-03 |
        | user name | (absent)      |
        | password  | (absent)      |

    @spec:3.3.1:keepalive:set @spec:3.3.4:set
    Scenario: The keep-alive configured before opening is the one in CONNECT
      When the host sends AT+QMTCFG="keepalive",0,60
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-device-02"
      Then the broker receives a CONNECT with:
        | client id  | qmt-device-02 |
        | keep-alive | 60            |

  Rule: AT+QMTCONN needs an open, idle network

    @spec:3.3.4:set
    Scenario: AT+QMTCONN without AT+QMTOPEN is refused
      When the host sends AT+QMTCONN=0,"qmt-no-network"
      Then by reading conn-unopened the module answers ERROR (error), or OK and reports one of:
        | 2 | +QMTCONN: 0,2 |
      And the broker receives no CONNECT within 5 seconds

    @spec:3.3.4:set
    Scenario Outline: AT+QMTCONN=<args> is refused with ERROR
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCONN=<args>
      Then the module answers ERROR
      And the broker receives no CONNECT within 5 seconds

      Examples: out of range or wrong number of parameters
        | args                    |
        | 6,"qmt-idx-6"           |
        | 0,"qmt-user-only","qa"  |
        | 0                       |

  Rule: The CONNECT carries what AT+QMTCFG configured

    @spec:3.3.1:version:set @spec:3.3.4:set @sub-option:version
    Scenario Outline: "version" <vsn> puts protocol <name> level <level> into CONNECT
      When the host sends AT+QMTCFG="version",0,<vsn>
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-vsn-<vsn>"
      Then the broker receives a CONNECT with:
        | client id      | qmt-vsn-<vsn> |
        | protocol name  | <name>        |
        | protocol level | <level>       |

      Examples: MQTT 3.1 and 3.1.1
        | vsn | name   | level |
        | 3   | MQIsdp | 3     |
        | 4   | MQTT   | 4     |

    @spec:3.3.1:session:set @spec:3.3.4:set @sub-option:session
    Scenario Outline: "session" <clean> puts Clean Session <clean> into CONNECT
      When the host sends AT+QMTCFG="session",0,<clean>
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-session-<clean>"
      Then the broker receives a CONNECT with:
        | client id     | qmt-session-<clean> |
        | clean session | <clean>             |

      Examples: both session types
        | clean |
        | 0     |
        | 1     |

    @spec:3.3.1:will:set @spec:3.3.4:set @sub-option:will
    Scenario Outline: A Will with QoS <qos> and retain <retain> is announced in CONNECT
      When the host sends AT+QMTCFG="will",0,1,<qos>,<retain>,"qmt/will/<qos>","last words <qos>"
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-will-<qos>"
      Then the broker receives a CONNECT with:
        | client id    | qmt-will-<qos>   |
        | will flag    | 1                |
        | will qos     | <qos>            |
        | will retain  | <retain>         |
        | will topic   | qmt/will/<qos>   |
        | will message | last words <qos> |

      Examples: retained and not
        | qos | retain |
        | 1   | 1      |
        | 2   | 0      |
        | 0   | 1      |

    @spec:3.3.1:will:set @spec:3.3.4:set @sub-option:will
    Scenario: Without a Will configured CONNECT has no Will flag
      When the host sends AT+QMTCFG="will",0,0
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-no-will"
      Then the broker receives a CONNECT with:
        | client id | qmt-no-will |
        | will flag | 0           |

  Rule: AT+QMTCONN? reports the MQTT state of every client with an open network

    @spec:3.3.4:query @spec:3.3.4:state=1
    Scenario: A client with an open network and no CONNECT yet is initializing (state 1)
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCONN?
      Then the module answers:
        """
        +QMTCONN: 0,1
        OK
        """

    @spec:3.3.4:query @spec:3.3.4:state=2
    Scenario: A client waiting for CONNACK is connecting (state 2)
      Given client 0 has opened a network connection to the broker
      And the broker withholds CONNACK
      When the host sends AT+QMTCONN=0,"qmt-state-2"
      Then the module answers OK
      And the broker receives a CONNECT
      When the host sends AT+QMTCONN?
      Then the module answers:
        """
        +QMTCONN: 0,2
        OK
        """

    @spec:3.3.4:query @spec:3.3.4:state=3
    Scenario: A connected client is connected (state 3), another client's open network is initializing
      Given client 0 is connected to the broker as "qmt-state-3"
      And client 2 has opened a network connection to the broker
      When the host sends AT+QMTCONN?
      Then the module answers:
        """
        +QMTCONN: 0,3
        +QMTCONN: 2,1
        OK
        """

    @spec:3.3.4:query @spec:3.3.4:state=4 @spec:3.3.5:set
    Scenario: A client whose DISCONNECT the server leaves unanswered is disconnecting (state 4)
      Given client 0 is connected to the broker as "qmt-state-4"
      And the broker keeps the connection open after DISCONNECT
      When the host sends AT+QMTDISC=0
      Then the module answers OK
      And the broker receives a DISCONNECT
      When the host sends AT+QMTCONN?
      Then by reading disc-state the module answers one of:
        | 4    | +QMTCONN: 0,4 |
        | gone | OK            |
      And the module reports +QMTDISC: 0,0
      And the broker sees the module close its connection

    @spec:3.3.4:query
    Scenario: Without any open network the query lists no client
      When the host sends AT+QMTCONN?
      Then the module answers:
        """
        OK
        """

  Rule: A refused CONNECT reports the CONNACK return code, and the server then closes the network

    @spec:3.3.4:set @spec:3.3.4:result=0 @spec:4.1:err_code=1
    Scenario Outline: The broker refuses CONNECT with return code <code> (<reason>)
      Given client 0 has opened a network connection to the broker
      And the broker answers CONNECT with return code <code>
      When the host sends AT+QMTCONN=0,"qmt-refused-<code>","qa-user","{password}"
      Then the module answers OK
      And the module reports +QMTCONN: 0,0,<code>
      And the broker receives a CONNECT with:
        | client id | qmt-refused-<code> |
      And the module's connection to the broker ends
      And by reading stat-refused the module reports one of:
        | 1 | +QMTSTAT: 0,1 within 5 seconds |
        | 4 | +QMTSTAT: 0,4 within 5 seconds |

      @spec:3.3.4:ret_code=1
      Examples: unacceptable protocol version
        | code | reason                          |
        | 1    | unacceptable protocol version   |

      @spec:3.3.4:ret_code=2
      Examples: identifier rejected
        | code | reason              |
        | 2    | identifier rejected |

      @spec:3.3.4:ret_code=3
      Examples: server unavailable
        | code | reason             |
        | 3    | server unavailable |

      @spec:3.3.4:ret_code=4
      Examples: bad user name or password
        | code | reason                    |
        | 4    | bad user name or password |

      @spec:3.3.4:ret_code=5
      Examples: not authorized
        | code | reason         |
        | 5    | not authorized |

  Rule: A CONNECT that gets no CONNACK is handled per the variant's reading of A3

    # A3=excep1 (figure 1): no CONNACK within <pkt_timeout> (5 s, as by default) → the TCP link is
    # torn down and +QMTSTAT: <idx>,4 reported; no success follows. <timeout_notice> 1 and
    # <retry_times> 2 make the other reading visible at the same moment: a module that resends
    # CONNECT reports +QMTCONN: 0,1,1 instead (under either reading of A20), and this scenario
    # does not apply to it.
    @spec:3.3.4:set @spec:4.1:err_code=4 @reading:A3=excep1
    Scenario: Without CONNACK the module gives up after <pkt_timeout> with +QMTSTAT: 0,4
      When the host sends AT+QMTCFG="timeout",0,5,2,1
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      And the broker withholds CONNACK
      When the host sends AT+QMTCONN=0,"qmt-no-connack"
      Then the module answers OK
      And by reading A3 the module reports one of:
        | excep1     | +QMTSTAT: 0,4 within 6 seconds   |
        | retransmit | +QMTCONN: 0,1,1 within 6 seconds |
      And the broker sees the module close its connection
      And the broker receives 1 CONNECT packets
      And no +QMTCONN: 0,0,0 URC arrives within 5 seconds

    # A3=retransmit (§3.3.4 <result> 1): CONNECT is resent after <pkt_timeout> = 2 s and the
    # resend reported (<timeout_notice> 1) as +QMTCONN: 0,1,1. A resent CONNECT is a second
    # CONNECT on the same connection, which an MQTT 3.1.1 server must answer by closing it
    # (MQTT 3.1.1 §3.1.0-2), so only one retransmission can be observed against a real server.
    # <retry_times> 2 gives a resend under either reading of A20.
    @spec:3.3.4:set @spec:3.3.4:result=1 @reading:A3=retransmit
    Scenario: Without CONNACK the module resends CONNECT and reports +QMTCONN: 0,1,1
      When the host sends AT+QMTCFG="timeout",0,2,2,1
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      And the broker withholds CONNACK
      When the host sends AT+QMTCONN=0,"qmt-retransmit"
      Then the module answers OK
      And by reading A3 the module reports one of:
        | retransmit | +QMTCONN: 0,1,1 within 2 seconds |
        | excep1     | +QMTSTAT: 0,4 within 3 seconds   |
      And the broker receives 2 CONNECT packets

    # A3=retransmit (§3.3.4 <result> 2): with <retry_times> 0 no resend is allowed, so the
    # failure comes after <pkt_timeout> x (0 + 1) = 2 s under reading A20=after-first; the link
    # is then gone. Every send of CONNECT timed out: table 4 code 3 ("sending CONNECT timed out or
    # failed") or code 4 ("receiving CONNACK timed out"), reading stat-connect-exhausted. Under
    # A3=excep1 the lone CONNACK timeout is +QMTSTAT code 4 without a result (scenario above).
    @spec:3.3.4:set @spec:3.3.4:result=2 @spec:4.1:err_code=3 @reading:A3=retransmit @reading:A20=after-first
    Scenario: Without CONNACK and no retries allowed the module reports +QMTCONN: 0,2
      When the host sends AT+QMTCFG="timeout",0,2,0,1
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      And the broker withholds CONNACK
      When the host sends AT+QMTCONN=0,"qmt-no-retry"
      Then the module answers OK
      And by reading A3 the module reports one of:
        | retransmit | +QMTCONN: 0,2 within 2 seconds |
        | excep1     | +QMTSTAT: 0,4 within 3 seconds |
      And by reading stat-connect-exhausted the module reports one of:
        | 3 | +QMTSTAT: 0,3 within 3 seconds |
        | 4 | +QMTSTAT: 0,4 within 3 seconds |
      And the broker sees the module close its connection
      And the broker receives 1 CONNECT packets

  Rule: A second client with the same client id makes the server drop the first (spec 3.3.4 note)

    @spec:3.3.4:same-client-id @spec:4.1:err_code=1
    Scenario: Another client connects with the module's client id
      Given client 0 is connected to the broker as "qmt-same-id"
      When another client connects to the broker as "qmt-same-id"
      Then the broker drops the module's connection
      And within 5 seconds the module reports +QMTSTAT: 0,1

    @spec:3.3.4:same-client-id @spec:4.1:err_code=1
    Scenario: Client 1 of the module connects with the client id client 0 already uses
      Given client 0 is connected to the broker as "qmt-twice"
      And client 1 is connected to the broker as "qmt-twice"
      Then the broker drops the module's connection
      And within 5 seconds the module reports +QMTSTAT: 0,1
      And the broker has seen 2 connections from the module
      When the host sends AT+QMTCONN?
      Then the module answers:
        """
        +QMTCONN: 1,3
        OK
        """
